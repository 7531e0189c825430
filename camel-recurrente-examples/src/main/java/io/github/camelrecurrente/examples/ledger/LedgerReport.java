package io.github.camelrecurrente.examples.ledger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** Read-only queries on the ledger for the demo summary and the tests (plain JDBC). */
public final class LedgerReport {

    private final DataSource ds;

    public LedgerReport(DataSource ds) {
        this.ds = ds;
    }

    /** @return the single long of a query ({@code count(*)}, {@code sum(...)}), 0 for null */
    public long number(String sql, Object... args) {
        return SqlRows.number(ds, "Ledger query", sql, args);
    }

    /** @return rows as maps keyed by lower-case column label */
    public List<Map<String, Object>> rows(String sql, Object... args) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> row : SqlRows.read(ds, "Ledger query", sql, args)) {
            Map<String, Object> lower = new LinkedHashMap<>();
            row.forEach((label, value) -> lower.put(label.toLowerCase(java.util.Locale.ROOT), value));
            out.add(lower);
        }
        return out;
    }

    /** @return the payments row, or null */
    public Map<String, Object> payment(String paymentIntentId) {
        List<Map<String, Object>> r = rows("select * from payments where payment_intent_id = ?", paymentIntentId);
        return r.isEmpty() ? null : r.get(0);
    }

    /** @return the invoice_status of a payment, or null when not posted */
    public String invoiceStatus(String paymentIntentId) {
        Map<String, Object> p = payment(paymentIntentId);
        return p == null ? null : (String) p.get("invoice_status");
    }

    public long paymentCount(String paymentIntentId) {
        return number("select count(*) from payments where payment_intent_id = ?", paymentIntentId);
    }

    public long journalLineCount(String entryId) {
        return number("select count(*) from journal_lines where entry_id = ?", entryId);
    }

    /** @return number of journal entries whose debits differ from their credits (0 = balanced ledger) */
    public long unbalancedEntries() {
        return number("select count(*) from (select entry_id from journal_lines group by entry_id"
                + " having sum(debit_cents) <> sum(credit_cents)) u");
    }

    /**
     * @return per currency of the journal: {debits, credits, entries} (amounts of different currencies are never
     * added up)
     */
    public Map<String, long[]> journalTotalsByCurrency() {
        Map<String, long[]> totals = new java.util.TreeMap<>();
        for (Map<String, Object> row : rows("select currency as c, coalesce(sum(debit_cents), 0) as d,"
                + " coalesce(sum(credit_cents), 0) as k, count(distinct entry_id) as n from journal_lines"
                + " group by currency")) {
            Object[] v = row.values().toArray();
            totals.put(
                    (String) v[0],
                    new long[] {((Number) v[1]).longValue(), ((Number) v[2]).longValue(), ((Number) v[3]).longValue()});
        }
        return totals;
    }

    /** @return the debits of the whole journal, every currency added: a change detector for tests, not a total */
    public long totalDebits() {
        return number("select coalesce(sum(debit_cents), 0) from journal_lines");
    }

    public long totalCredits() {
        return number("select coalesce(sum(credit_cents), 0) from journal_lines");
    }

    public long entryCount() {
        return number("select count(distinct entry_id) from journal_lines");
    }

    /** @return the balance (debits - credits) of an account over the whole ledger */
    public long accountBalance(String accountCode) {
        return number(
                "select coalesce(sum(debit_cents - credit_cents), 0) from journal_lines where account_code = ?",
                accountCode);
    }

    public String receivableStatus(String intentId) {
        List<Map<String, Object>> r = rows("select status from receivables where intent_id = ?", intentId);
        return r.isEmpty() ? null : (String) r.get(0).get("status");
    }

    public String subscriptionStatus(String subscriptionId) {
        List<Map<String, Object>> r =
                rows("select status from subscriptions where subscription_id = ?", subscriptionId);
        return r.isEmpty() ? null : (String) r.get(0).get("status");
    }

    public long emailCount(String kind, String referenceId) {
        return number("select count(*) from email_log where kind = ? and reference_id = ?", kind, referenceId);
    }

    public long openDeadLetters() {
        return number("select count(*) from fel_dead_letters where replayed_at is null");
    }

    /** Counts rows of a table whose column is one of the ids. */
    public long countIn(String table, String column, Collection<String> ids, String extraCondition) {
        if (ids.isEmpty()) {
            return 0;
        }
        String marks = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
        return number(
                "select count(*) from " + table + " where " + column + " in (" + marks + ")"
                        + (extraCondition == null ? "" : " and " + extraCondition),
                ids.toArray());
    }
}
