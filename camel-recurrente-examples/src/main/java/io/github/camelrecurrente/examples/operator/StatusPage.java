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
 * reconciliation, the review queue with one post and one dismiss action per case, webhook deliveries of the last
 * hour, the latest operator actions. Every value is HTML-escaped
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
                + " error_message as \"Error\" from fel_dead_letters where replayed_at is null order by failed_at desc"
                + " limit " + LIST_LIMIT);
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
        }
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

        List<Map<String, Object>> feeUnknown = rows("select payment_intent_id as \"Payment\", payment_kind as"
                + " \"Kind\", currency as \"Currency\", gross_cents as \"Gross (cents)\", paid_at as \"Paid (UTC)\""
                + " from payments where fee_source = 'PENDING' order by paid_at desc limit " + LIST_LIMIT);
        b.append("<h3>Fee not known yet (")
                .append(number("select count(*) from payments where fee_source = 'PENDING'"))
                .append(")</h3>\n<p>No documented source has given Recurrente's fee and IVA withheld of these"
                        + " payments yet (bank transfers and balance payments have no push-back answer): their net is"
                        + " unknown, never 0; the clearing account holds their gross.</p>\n");
        table(b, feeUnknown, "None.");

        review(b, csrf);

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
     * The review queue: every open case with its two actions, post (the payment id and amount the operator confirms,
     * prefilled with what the documents say) and dismiss (a reason, required).
     */
    private void review(StringBuilder b, String csrf) {
        List<Map<String, Object>> cases = rows("select id, kind, checkout_id, intent_id, payment_intent_id, currency,"
                + " amount_cents, detail, opened_at, status from review_cases where status in ('OPEN', 'POSTING')"
                + " order by opened_at, id limit " + LIST_LIMIT);
        b.append("<h2 class=\"")
                .append(cases.isEmpty() ? "" : "warn")
                .append("\">Review queue (")
                .append(cases.size())
                .append(" open)</h2>\n<p>What the documented data does not decide (who was paid, how much, whether a"
                        + " charge succeeded) is not booked and not invoiced until you post it with the payment id and"
                        + " amount you confirm in the Recurrente dashboard, or dismiss it with a reason.</p>\n");
        if (cases.isEmpty()) {
            b.append("<p>None.</p>\n");
            return;
        }
        b.append("<table>\n<tr><th>Case</th><th>Kind</th><th>Checkout</th><th>Intent</th><th>Currency</th>"
                + "<th>Amount (cents)</th><th>Why</th><th>Opened</th><th>Post</th><th>Dismiss</th></tr>\n");
        for (Map<String, Object> c : cases) {
            String id = String.valueOf(value(c, "id"));
            b.append("<tr>");
            for (String column :
                    new String[] {"id", "kind", "checkout_id", "intent_id", "currency", "amount_cents", "detail"}) {
                Object v = value(c, column);
                b.append("<td>").append(esc(v == null ? "" : String.valueOf(v))).append("</td>");
            }
            b.append("<td>").append(esc(String.valueOf(value(c, "opened_at")))).append("</td>");
            b.append("<td>");
            if ("POSTING".equals(value(c, "status"))) {
                b.append("posting now");
            } else {
                b.append("<form method=\"post\" action=\"/ops/status/review/")
                        .append(esc(id))
                        .append("/post\"><input type=\"hidden\" name=\"csrf\" value=\"")
                        .append(esc(csrf))
                        .append("\">");
                input(b, "payment_intent_id", "payment id", value(c, "payment_intent_id"));
                input(b, "amount_in_cents", "amount (cents)", value(c, "amount_cents"));
                if (value(c, "currency") == null) {
                    input(b, "currency", "currency", null);
                }
                b.append("<button type=\"submit\">Post</button></form>");
            }
            b.append("</td><td><form method=\"post\" action=\"/ops/status/review/")
                    .append(esc(id))
                    .append("/dismiss\"><input type=\"hidden\" name=\"csrf\" value=\"")
                    .append(esc(csrf))
                    .append("\">");
            input(b, "reason", "reason", null);
            b.append("<button type=\"submit\">Dismiss</button></form></td></tr>\n");
        }
        b.append("</table>\n");
    }

    private static void input(StringBuilder b, String name, String label, Object value) {
        b.append("<label>")
                .append(esc(label))
                .append(" <input name=\"")
                .append(esc(name))
                .append("\" required value=\"")
                .append(esc(value == null ? "" : String.valueOf(value)))
                .append("\"></label> ");
    }

    private static Object value(Map<String, Object> row, String column) {
        for (Map.Entry<String, Object> e : row.entrySet()) {
            if (e.getKey().equalsIgnoreCase(column)) {
                return e.getValue();
            }
        }
        return null;
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
