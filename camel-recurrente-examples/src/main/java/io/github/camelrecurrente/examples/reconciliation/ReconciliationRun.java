package io.github.camelrecurrente.examples.reconciliation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelrecurrente.component.model.Intent;

/**
 * The state of one reconciliation run (routes/reconciliation/reconciliation.yaml): its period, the succeeded intents of the period
 * indexed by checkout id (the customer of a payment it rebuilds), and one {@link Line} per paid checkout. Kept in
 * the exchange property {@code reconciliationRun}; the split over the checkouts is sequential, one run per exchange.
 */
public final class ReconciliationRun {

    /** The outcome of a paid checkout. */
    public enum Outcome {
        /** in the ledger with the checkout's amount */
        MATCHED,
        /** not in the ledger (its webhook was lost): posted now through the ledger posting route */
        MISSING_POSTED,
        /** in the ledger with another amount: reported for a person to look at, nothing is changed */
        AMOUNT_DIFFERS,
        /** not in the ledger and could not be posted (amount unknown, posting failed): see detail */
        MISSING_NOT_POSTED,
        /** paid without a payment to post (e.g. a free-trial subscription checkout, a setup intent) */
        NO_PAYMENT
    }

    /** One CSV line: amounts in integer cents, {@code ledgerAmountCents} null when the ledger has no row. */
    public record Line(
            String checkoutId,
            String paymentIntentId,
            String createdAt,
            String currency,
            Long amountCents,
            Long ledgerAmountCents,
            Outcome outcome,
            String detail) {}

    /** The CSV header. */
    public static final String CSV_HEADER =
            "checkout_id,payment_intent_id,checkout_created_at,currency,amount_cents,ledger_amount_cents,outcome,detail";

    private final String runId;
    private final Instant from;
    private final Instant until;
    private final Map<String, Intent> intentsByCheckout = new LinkedHashMap<>();
    private final List<Line> lines = new ArrayList<>();

    ReconciliationRun(String runId, Instant from, Instant until) {
        this.runId = runId;
        this.from = from;
        this.until = until;
    }

    public String getRunId() {
        return runId;
    }

    /** Start of the period (inclusive), the {@code from_time} of the checkout listing. */
    public Instant getFrom() {
        return from;
    }

    /** End of the period (inclusive), the {@code until_time} of the checkout listing. */
    public Instant getUntil() {
        return until;
    }

    /** The report file name: {@code reconciliation-<runId>.csv}. */
    public String getFileName() {
        return "reconciliation-" + runId + ".csv";
    }

    synchronized void indexIntent(Intent intent) {
        intentsByCheckout.putIfAbsent(intent.getCheckout().getId(), intent);
    }

    synchronized Intent intentOf(String checkoutId) {
        return checkoutId == null ? null : intentsByCheckout.get(checkoutId);
    }

    public synchronized int getIndexedIntents() {
        return intentsByCheckout.size();
    }

    synchronized void add(Line line) {
        lines.add(line);
    }

    /** @return the lines, oldest checkout first */
    public synchronized List<Line> getLines() {
        List<Line> sorted = new ArrayList<>(lines);
        sorted.sort(
                Comparator.comparing((Line l) -> l.createdAt() == null ? Instant.EPOCH : Instant.parse(l.createdAt()))
                        .thenComparing(l -> l.checkoutId() == null ? "" : l.checkoutId()));
        return sorted;
    }

    public synchronized long count(Outcome outcome) {
        return lines.stream().filter(l -> l.outcome() == outcome).count();
    }

    /** The report: {@link #CSV_HEADER} and one line per paid checkout of the period. */
    public String toCsv() {
        StringBuilder sb = new StringBuilder(CSV_HEADER).append('\n');
        for (Line l : getLines()) {
            sb.append(csv(l.checkoutId()))
                    .append(',')
                    .append(csv(l.paymentIntentId()))
                    .append(',')
                    .append(csv(l.createdAt()))
                    .append(',')
                    .append(csv(l.currency()))
                    .append(',')
                    .append(l.amountCents() == null ? "" : l.amountCents())
                    .append(',')
                    .append(l.ledgerAmountCents() == null ? "" : l.ledgerAmountCents())
                    .append(',')
                    .append(l.outcome())
                    .append(',')
                    .append(csv(l.detail()))
                    .append('\n');
        }
        return sb.toString();
    }

    /** The counts, for the log line, the HTTP answer and the demo summary. */
    public Map<String, Object> summary(String reportFile) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("runId", runId);
        s.put("from", from.toString());
        s.put("until", until.toString());
        s.put("paidCheckouts", (long) getLines().size());
        s.put("matched", count(Outcome.MATCHED));
        s.put("missingPosted", count(Outcome.MISSING_POSTED));
        s.put("amountDiffers", count(Outcome.AMOUNT_DIFFERS));
        s.put("missingNotPosted", count(Outcome.MISSING_NOT_POSTED));
        s.put("noPayment", count(Outcome.NO_PAYMENT));
        s.put("reportFile", reportFile);
        return s;
    }

    private static String csv(String value) {
        if (value == null) {
            return "";
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return '"' + value.replace("\"", "\"\"").replace('\n', ' ').replace('\r', ' ') + '"';
        }
        return value;
    }
}
