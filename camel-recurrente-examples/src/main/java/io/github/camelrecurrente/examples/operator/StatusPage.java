package io.github.camelrecurrente.examples.operator;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

import io.github.camelrecurrente.examples.ledger.SqlRows;
import io.vertx.ext.web.Session;
import org.apache.camel.Exchange;

/**
 * The operator status page ({@code GET /ops/status}, bean {@code statusPage}): server-rendered HTML from the template
 * {@code templates/operator/status-page.mustache}, with the model read from the ledger tables here, for an accountant
 * rather than a log reader. Today's payments and refunds, invoices pending and
 * dead-lettered (with the replay button), invoice steps resolved in doubt after a crash, refund dead letters, the last
 * reconciliation, the payments whose fee is not known yet, the review queue with one post and one dismiss form per
 * case, webhook deliveries of the last hour, the latest operator actions. A FEL dead letter shows its kind, SAT's rule
 * code (e.g. FEL_RCP535), the reason and what the operator can do (and the refund, for a credit note's), with a form to
 * replay one payment with the buyer's NIT or CUI and one to replay a refund's credit note; the latest invoices show serie, número, UUID, the PDF pushed as tax_invoice_url and SAT's verification
 * page. Every value is HTML-escaped
 * (Mustache); the page loads nothing else (no script, no external style) and its forms post back to the operator
 * port with the session's CSRF token.
 */
public final class StatusPage {

    /** The processor name of the webhook inbox rows (ExamplesConfiguration's JdbcMessageIdRepository). */
    static final String WEBHOOK_INBOX = "recurrente-webhooks";
    /** The shared claim table of the webhook inbox, when the ledger has one (several nodes on one database). */
    static final String CLAIM_INBOX = "webhook_inbox";

    private static final int LIST_LIMIT = 50;

    private final DataSource dataSource;

    public StatusPage(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Renders the page into the message (200, text/html). */
    public void render(Exchange exchange) {
        String label = exchange.getProperty(OperatorGuard.LABEL, String.class);
        String csrf = OperatorSessions.csrf(exchange.getProperty(OperatorGuard.SESSION, Session.class));
        OperatorPages.answer(exchange.getMessage(), 200, "status-page", model(label, csrf, Instant.now()));
    }

    /** The model of {@code templates/operator/status-page.mustache}: one table (see {@link #table}) per section. */
    Map<String, Object> model(String label, String csrf, Instant now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("label", label);
        m.put("now", now.toString());
        m.put("csrf", csrf == null ? "" : csrf);
        m.put(
                "paymentsToday",
                table(
                        rows("select currency as \"Currency\", count(*) as \"Payments\","
                                + " sum(gross_cents) as \"Gross (cents)\", sum(net_cents) as \"Net (cents)\" from payments"
                                + " where posted_at >= current_date group by currency order by currency"),
                        "No payment posted today."));
        m.put(
                "refundsToday",
                table(
                        rows("select currency as \"Currency\", count(*) as \"Refunds\", sum(customer_refunded_cents) as"
                                + " \"Refunded to customers (cents)\" from refunds where created_at >= current_date"
                                + " group by currency order by currency"),
                        "No refund booked today."));
        m.put(
                "invoices",
                table(
                        rows("select invoice_status as \"Status\", count(*) as \"Payments\" from payments"
                                + " where invoice_status <> 'DONE' group by invoice_status order by invoice_status"),
                        "Every posted payment is invoiced, pushed back and mailed."));
        m.put(
                "invoicesPending",
                table(
                        rows("select payment_intent_id as \"Payment\", invoice_status as \"Status\", posted_at as"
                                + " \"Posted\" from payments where invoice_status in ('PENDING', 'ISSUED', 'PUSHED')"
                                + " order by posted_at limit " + LIST_LIMIT),
                        "None."));
        m.put(
                "invoicesDead",
                table(
                        rows("select payment_intent_id as \"Payment\", refund_id as \"Refund (credit note)\","
                                + " failed_at as \"Failed\", failure_kind as \"Kind\", failure_code as \"Code\", coalesce(reason, error_message) as \"Reason\","
                                + " operator_action as \"What to do\" from fel_dead_letters where replayed_at is null"
                                + " order by failed_at desc limit " + LIST_LIMIT),
                        "None."));
        m.put(
                "invoicesLatest",
                table(
                        rows("select payment_intent_id as \"Payment\", invoice_serie as \"Serie\", invoice_numero as"
                                + " \"Número\", invoice_uuid as \"Autorización (UUID)\", invoice_receptor as"
                                + " \"Receptor\", invoice_certified_by as \"Certified by\", invoice_url as"
                                + " \"PDF (tax_invoice_url)\", invoice_verification_url as \"SAT verification\","
                                + " invoice_cancelled_at as \"Anulada (UTC)\""
                                + " from payments where invoice_uuid is not null order by invoiced_at desc limit 20"),
                        "No invoice certified yet."));
        m.put("inDoubtCount", number("select count(*) from fel_in_doubt"));
        m.put(
                "inDoubt",
                table(
                        rows("select payment_intent_id as \"Payment\", refund_id as \"Refund\", step as \"Step\","
                                + " started_by as \"Started by\","
                                + " started_at as \"Started (UTC)\", resolved_by as \"Resolved by\", resolution as"
                                + " \"Resolution\" from fel_in_doubt order by resolved_at desc limit " + LIST_LIMIT),
                        "None."));
        m.put("feeUnknownCount", number("select count(*) from payments where fee_source = 'PENDING'"));
        m.put(
                "feeUnknown",
                table(
                        rows("select payment_intent_id as \"Payment\", payment_kind as \"Kind\", currency as"
                                + " \"Currency\", gross_cents as \"Gross (cents)\", paid_at as \"Paid (UTC)\" from"
                                + " payments where fee_source = 'PENDING' order by paid_at desc limit " + LIST_LIMIT),
                        "None."));
        List<Map<String, Object>> review = review();
        m.put("review", review);
        m.put("reviewCount", review.size());
        m.put("hasReview", !review.isEmpty());
        m.put(
                "refundsDead",
                table(
                        rows("select refund_id as \"Refund\", payment_intent_id as \"Payment\", checkout_id as"
                                + " \"Checkout\", source as \"Source\", reason as \"Reason\", detail as \"Detail\","
                                + " failed_at as \"Failed\" from refund_dead_letters where resolved_at is null"
                                + " order by failed_at desc limit " + LIST_LIMIT),
                        "None."));
        m.put(
                "reconciliation",
                table(
                        rows("select run_id as \"Run\", period_from as \"From\", period_until as \"Until\","
                                + " paid_checkouts as \"Paid checkouts\", matched as \"Matched\", missing_posted as"
                                + " \"Missing, posted\", amount_differs as \"Amount differs\", missing_not_posted as"
                                + " \"Missing, NOT posted\", finished_at as \"Finished\" from reconciliation_runs"
                                + " order by finished_at desc limit 1"),
                        "No reconciliation has run yet."));
        m.put("webhooks", table(List.of(webhooks(now)), ""));
        m.put(
                "audit",
                table(
                        rows("select occurred_at as \"When\", token_label as \"Who\", action as \"Action\", target as"
                                + " \"Target\", http_status as \"Status\", outcome as \"Outcome\" from operator_audit"
                                + " order by id desc limit 20"),
                        "None yet."));
        return m;
    }

    /**
     * The open review cases, each with what its two forms need: the post form prefilled with the payment id and
     * amount the documents suggest ({@code needsCurrency} when the case documents no currency), the dismiss form.
     */
    private List<Map<String, Object>> review() {
        List<Map<String, Object>> cases = new ArrayList<>();
        for (Map<String, Object> c : rows("select id, kind, checkout_id, intent_id, payment_intent_id, currency,"
                + " amount_cents, detail, opened_at, status from review_cases where status in ('OPEN', 'POSTING')"
                + " order by opened_at, id limit " + LIST_LIMIT)) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("id", text(value(c, "id")));
            v.put("kind", text(value(c, "kind")));
            v.put("checkout", text(value(c, "checkout_id")));
            v.put("intent", text(value(c, "intent_id")));
            v.put("currency", text(value(c, "currency")));
            v.put("amount", text(value(c, "amount_cents")));
            v.put("detail", text(value(c, "detail")));
            v.put("opened", text(value(c, "opened_at")));
            v.put("paymentIntentId", text(value(c, "payment_intent_id")));
            v.put("needsCurrency", value(c, "currency") == null);
            v.put("posting", "POSTING".equals(value(c, "status")));
            cases.add(v);
        }
        return cases;
    }

    private static Object value(Map<String, Object> row, String column) {
        for (Map.Entry<String, Object> e : row.entrySet()) {
            if (e.getKey().equalsIgnoreCase(column)) {
                return e.getValue();
            }
        }
        return null;
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    /** The counts of the last hour: deliveries by status, then what they caused. */
    private Map<String, Object> webhooks(Instant now) {
        Timestamp hourAgo = Timestamp.from(now.minus(Duration.ofHours(1)));
        Map<String, Object> webhooks = new LinkedHashMap<>();
        if (tableExists(CLAIM_INBOX)) {
            // the multi-node inbox: one row per svix-id, CLAIMED while a node routes it, DONE once routed
            for (Map<String, Object> row : rows(
                    "select status, count(*) from " + CLAIM_INBOX
                            + " where claimed_at >= ? group by status order by status",
                    hourAgo)) {
                Object[] values = row.values().toArray();
                webhooks.put("Deliveries " + values[0], values[1]);
            }
        } else {
            webhooks.put(
                    "Deliveries accepted (svix-ids in the inbox)",
                    number(
                            "select count(*) from"
                                    + " CAMEL_MESSAGEPROCESSED where processorName = ? and createdAt >= ?",
                            WEBHOOK_INBOX,
                            hourAgo));
        }
        webhooks.put("Payments posted", number("select count(*) from payments where posted_at >= ?", hourAgo));
        webhooks.put("Refunds booked", number("select count(*) from refunds where created_at >= ?", hourAgo));
        webhooks.put(
                "Invoices dead-lettered",
                number("select count(*) from fel_dead_letters where failed_at >= ?", hourAgo));
        webhooks.put(
                "Refunds dead-lettered",
                number("select count(*) from refund_dead_letters where failed_at >= ?", hourAgo));
        return webhooks;
    }

    /**
     * A table of the template: {@code columns} (the column labels of the first row), {@code rows} (each with its
     * {@code cells}, null as empty), {@code hasRows}, {@code count} and the {@code empty} text shown without rows.
     */
    private static Map<String, Object> table(List<Map<String, Object>> rows, String empty) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            List<String> cells = new ArrayList<>();
            for (Object value : row.values()) {
                cells.add(value == null ? "" : String.valueOf(value));
            }
            lines.add(Map.of("cells", cells));
        }
        Map<String, Object> table = new LinkedHashMap<>();
        table.put(
                "columns", rows.isEmpty() ? List.of() : List.copyOf(rows.get(0).keySet()));
        table.put("rows", lines);
        table.put("hasRows", !rows.isEmpty());
        table.put("count", rows.size());
        table.put("empty", empty);
        return table;
    }

    private List<Map<String, Object>> rows(String sql, Object... params) {
        return SqlRows.read(dataSource, "Status page query", sql, params);
    }

    private boolean tableExists(String table) {
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            for (String name : new String[] {table, table.toUpperCase(Locale.ROOT)}) {
                try (ResultSet rs = meta.getTables(null, null, name, null)) {
                    if (rs.next()) {
                        return true;
                    }
                }
            }
            return false;
        } catch (SQLException e) {
            throw new IllegalStateException("Status page: cannot read the ledger's tables: " + e.getMessage(), e);
        }
    }

    private long number(String sql, Object... params) {
        return SqlRows.number(dataSource, "Status page query", sql, params);
    }
}
