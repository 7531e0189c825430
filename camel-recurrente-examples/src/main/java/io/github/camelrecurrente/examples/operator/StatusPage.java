package io.github.camelrecurrente.examples.operator;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
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

import org.apache.camel.Exchange;

/**
 * The operator status page ({@code GET /ops/status}, bean {@code statusPage}): plain server-rendered HTML read from
 * the ledger tables, for an accountant rather than a log reader. Today's payments and refunds, invoices pending and
 * dead-lettered (with the replay button), invoice steps resolved in doubt after a crash, refund dead letters, the last
 * reconciliation, webhook deliveries of the last hour, the latest operator actions. A FEL dead letter shows its kind,
 * SAT's rule code (e.g. FEL_RCP535), the reason and what the operator can do, with a form to replay one payment with
 * the buyer's NIT or CUI; the latest invoices show serie, número, UUID, the PDF pushed as tax_invoice_url and SAT's
 * verification page. Every value is HTML-escaped
 * ({@link #esc}); the page loads nothing else (no script, no external style) and its forms post back to the operator
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
        OperatorSessions.Session session = exchange.getProperty(OperatorGuard.SESSION, OperatorSessions.Session.class);
        String label = exchange.getProperty(OperatorGuard.LABEL, String.class);
        String html = html(label, session == null ? "" : session.csrf(), Instant.now());
        OperatorResponses.answer(exchange.getMessage(), 200, "text/html; charset=UTF-8", html);
    }

    /** The page's HTML. */
    String html(String label, String csrf, Instant now) {
        StringBuilder b = new StringBuilder(8192);
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Recurrente examples: operator status</title>\n<style>"
                + "body{font-family:sans-serif;margin:1.5em} table{border-collapse:collapse;margin-bottom:1.5em}"
                + "td,th{border:1px solid #ccc;padding:.25em .6em;text-align:left} th{background:#eee}"
                + ".warn{color:#a00} form.inline{display:inline}</style></head>\n<body>\n");
        b.append("<h1>Operator status</h1>\n<p>Signed in as <b>")
                .append(esc(label))
                .append("</b>, ")
                .append(esc(now.toString()))
                .append(" (UTC). ");
        form(b, "/ops/logout", csrf, "Log out");
        b.append("</p>\n");

        b.append("<h2>Payments posted today</h2>\n");
        table(
                b,
                rows("select currency as \"Currency\", count(*) as \"Payments\","
                        + " sum(gross_cents) as \"Gross (cents)\", sum(net_cents) as \"Net (cents)\" from payments where posted_at >= current_date"
                        + " group by currency order by currency"),
                "No payment posted today.");
        b.append("<h2>Refunds booked today</h2>\n");
        table(
                b,
                rows("select currency as \"Currency\", count(*) as \"Refunds\", sum(customer_refunded_cents) as"
                        + " \"Refunded to customers (cents)\" from refunds where created_at >= current_date"
                        + " group by currency order by currency"),
                "No refund booked today.");

        b.append("<h2>Invoices (FEL)</h2>\n");
        table(
                b,
                rows("select invoice_status as \"Status\", count(*) as \"Payments\" from payments"
                        + " where invoice_status <> 'DONE' group by invoice_status order by invoice_status"),
                "Every posted payment is invoiced, pushed back and mailed.");
        b.append("<h3>Pending</h3>\n");
        table(
                b,
                rows("select payment_intent_id as \"Payment\", invoice_status as \"Status\", posted_at as \"Posted\""
                        + " from payments where invoice_status in ('PENDING', 'ISSUED', 'PUSHED') order by posted_at"
                        + " limit " + LIST_LIMIT),
                "None.");
        List<Map<String, Object>> dead = rows("select payment_intent_id as \"Payment\", failed_at as \"Failed\","
                + " failure_kind as \"Kind\", failure_code as \"Code\", coalesce(reason, error_message) as"
                + " \"Reason\", operator_action as \"What to do\" from fel_dead_letters where replayed_at is null"
                + " order by failed_at desc limit " + LIST_LIMIT);
        b.append("<h3 class=\"")
                .append(dead.isEmpty() ? "" : "warn")
                .append("\">Dead-lettered (")
                .append(dead.size())
                .append(")</h3>\n");
        table(b, dead, "None.");
        if (!dead.isEmpty()) {
            b.append("<p>");
            form(b, "/ops/status/fel-replay", csrf, "Replay every dead-lettered invoice");
            b.append("</p>\n");
            replayWithTaxIdForm(b, csrf);
        }
        b.append("<h3>Latest invoices</h3>\n");
        table(
                b,
                rows("select payment_intent_id as \"Payment\", invoice_serie as \"Serie\", invoice_numero as"
                        + " \"Número\", invoice_uuid as \"Autorización (UUID)\", invoice_receptor as \"Receptor\","
                        + " invoice_certified_by as \"Certified by\", invoice_url as \"PDF (tax_invoice_url)\","
                        + " invoice_verification_url as \"SAT verification\" from payments where invoice_uuid is not"
                        + " null order by invoiced_at desc limit 20"),
                "No invoice certified yet.");
        b.append("<h3>Steps resolved in doubt after a crash (")
                .append(number("select count(*) from fel_in_doubt"))
                .append(")</h3>\n<p>A node stopped between a side effect and its record; how each was resolved:"
                        + " docs/deployment.md, \"Exactly once across a crash\".</p>\n");
        table(
                b,
                rows("select payment_intent_id as \"Payment\", step as \"Step\", started_by as \"Started by\","
                        + " started_at as \"Started (UTC)\", resolved_by as \"Resolved by\", resolution as"
                        + " \"Resolution\" from fel_in_doubt order by resolved_at desc limit " + LIST_LIMIT),
                "None.");

        List<Map<String, Object>> refundDead = rows("select refund_id as \"Refund\", payment_intent_id as \"Payment\","
                + " checkout_id as \"Checkout\", source as \"Source\", reason as \"Reason\", detail as \"Detail\","
                + " failed_at as \"Failed\" from refund_dead_letters where resolved_at is null order by failed_at desc"
                + " limit " + LIST_LIMIT);
        b.append("<h2 class=\"")
                .append(refundDead.isEmpty() ? "" : "warn")
                .append("\">Refunds not booked (")
                .append(refundDead.size())
                .append(")</h2>\n");
        table(b, refundDead, "None.");
        if (!refundDead.isEmpty()) {
            b.append("<p>");
            form(b, "/ops/status/refund-retry", csrf, "Read these refunds from Recurrente again and book them");
            b.append("</p>\n");
        }

        b.append("<h2>Last reconciliation</h2>\n");
        table(
                b,
                rows("select run_id as \"Run\", period_from as \"From\", period_until as \"Until\","
                        + " paid_checkouts as \"Paid checkouts\", matched as \"Matched\", missing_posted as"
                        + " \"Missing, posted\", amount_differs as \"Amount differs\", missing_not_posted as"
                        + " \"Missing, NOT posted\", finished_at as \"Finished\" from reconciliation_runs"
                        + " order by finished_at desc limit 1"),
                "No reconciliation has run yet.");
        b.append("<p>");
        form(b, "/ops/status/reconcile", csrf, "Run the reconciliation now (default period)");
        b.append("</p>\n");

        b.append("<h2>Webhooks, last hour</h2>\n");
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
        table(b, List.of(webhooks), "");
        b.append("<p>Rejected deliveries (bad signature, stale, malformed) are not stored: see the metrics"
                + " and the WARN log (docs/operations.md).</p>\n");

        b.append("<h2>Latest operator actions</h2>\n");
        table(
                b,
                rows("select occurred_at as \"When\", token_label as \"Who\", action as \"Action\", target as"
                        + " \"Target\", http_status as \"Status\", outcome as \"Outcome\" from operator_audit"
                        + " order by id desc limit 20"),
                "None yet.");
        b.append("</body></html>\n");
        return b.toString();
    }

    /**
     * One payment replayed with the buyer's NIT or CUI supplied (a CF sale of Q2,500.00 or more, FEL_RCP535; a
     * malformed NIT, FEL_RCP309): stored on the payment, audited.
     */
    private static void replayWithTaxIdForm(StringBuilder b, String csrf) {
        b.append("<form method=\"post\" action=\"/ops/status/fel-replay\"><input type=\"hidden\" name=\"csrf\""
                        + " value=\"")
                .append(esc(csrf))
                .append("\"><p>Replay one payment with the buyer's NIT or CUI: <label>payment <input"
                        + " name=\"payment_intent_id\" required></label> <label>NIT/CUI <input name=\"tax_id\"></label>"
                        + " <label>name on the invoice <input name=\"tax_name\"></label> <button"
                        + " type=\"submit\">Replay this payment</button></p></form>\n");
    }

    private static void form(StringBuilder b, String action, String csrf, String button) {
        b.append("<form class=\"inline\" method=\"post\" action=\"")
                .append(esc(action))
                .append("\">")
                .append("<input type=\"hidden\" name=\"csrf\" value=\"")
                .append(esc(csrf))
                .append("\">")
                .append("<button type=\"submit\">")
                .append(esc(button))
                .append("</button></form>");
    }

    private static void table(StringBuilder b, List<Map<String, Object>> rows, String empty) {
        if (rows.isEmpty()) {
            b.append("<p>").append(esc(empty)).append("</p>\n");
            return;
        }
        b.append("<table>\n<tr>");
        for (String column : rows.get(0).keySet()) {
            b.append("<th>").append(esc(column)).append("</th>");
        }
        b.append("</tr>\n");
        for (Map<String, Object> row : rows) {
            b.append("<tr>");
            for (Object value : row.values()) {
                b.append("<td>")
                        .append(esc(value == null ? "" : String.valueOf(value)))
                        .append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</table>\n");
    }

    /** HTML-escapes a text for element content and quoted attribute values. */
    public static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private List<Map<String, Object>> rows(String sql, Object... params) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                List<Map<String, Object>> out = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.put(meta.getColumnLabel(i), rs.getObject(i));
                    }
                    out.add(row);
                }
                return out;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Status page query failed: " + e.getMessage(), e);
        }
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
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Status page query failed: " + e.getMessage(), e);
        }
    }
}
