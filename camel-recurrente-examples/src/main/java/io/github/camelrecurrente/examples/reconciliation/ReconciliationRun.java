package io.github.camelrecurrente.examples.reconciliation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.camelrecurrente.component.model.Intent;
import io.github.camelrecurrente.component.model.event.AbstractPaymentEvent;
import io.github.camelrecurrente.examples.review.ReviewCase;

/**
 * The state of one reconciliation run (routes/reconciliation/reconciliation.yaml): its period, the succeeded intents
 * listed since its start, grouped by checkout id (the documented evidence that a charge succeeded, and its amount),
 * the checkouts of the period already compared, and one {@link Line} per charge. Kept in the exchange property
 * {@code reconciliationRun}; the splits are sequential, one run per exchange.
 */
public final class ReconciliationRun {

    /** The outcome of a charge (or of a paid checkout without a documented charge). */
    public enum Outcome {
        /** in the ledger (same checkout or the documented intent id) with the charged amount */
        MATCHED,
        /** not in the ledger (its webhook was lost) and every fact documented: posted now */
        MISSING_POSTED,
        /** in the ledger with another amount: reported for a person to look at, nothing is changed */
        AMOUNT_DIFFERS,
        /** postable, but the posting failed: see detail; the next run tries again */
        MISSING_NOT_POSTED,
        /** not in the ledger, and the documented data does not say who or how much: a review case, nothing posted */
        NEEDS_REVIEW,
        /** paid without a payment to post (e.g. a free-trial subscription checkout, a setup intent) */
        NO_PAYMENT
    }

    /**
     * One CSV line: amounts in integer cents ({@code amountCents} the documented charged amount, null when there is
     * none; {@code ledgerAmountCents} null when the ledger has no row). A line to post carries its event, a line for
     * review its case.
     */
    public static final class Line {
        private final String checkoutId;
        private final String paymentIntentId;
        private final String intentId;
        private final String createdAt;
        private final String currency;
        private final Long amountCents;
        private Long ledgerAmountCents;
        private Outcome outcome;
        private String detail;
        private AbstractPaymentEvent event;
        private ReviewCase reviewCase;

        public Line(
                String checkoutId,
                String paymentIntentId,
                String intentId,
                String createdAt,
                String currency,
                Long amountCents,
                Long ledgerAmountCents,
                Outcome outcome,
                String detail) {
            this.checkoutId = checkoutId;
            this.paymentIntentId = paymentIntentId;
            this.intentId = intentId;
            this.createdAt = createdAt;
            this.currency = currency;
            this.amountCents = amountCents;
            this.ledgerAmountCents = ledgerAmountCents;
            this.outcome = outcome;
            this.detail = detail;
        }

        public String getCheckoutId() {
            return checkoutId;
        }

        public String getPaymentIntentId() {
            return paymentIntentId;
        }

        public String getIntentId() {
            return intentId;
        }

        public String getCreatedAt() {
            return createdAt;
        }

        public String getCurrency() {
            return currency;
        }

        public Long getAmountCents() {
            return amountCents;
        }

        public Long getLedgerAmountCents() {
            return ledgerAmountCents;
        }

        public Outcome getOutcome() {
            return outcome;
        }

        public String getDetail() {
            return detail;
        }

        /** @return the payment event to post ({@code MISSING_POSTED} to be), else null */
        public AbstractPaymentEvent getEvent() {
            return event;
        }

        /** @return the review case ({@code NEEDS_REVIEW}), else null */
        public ReviewCase getReviewCase() {
            return reviewCase;
        }

        Line toPost(AbstractPaymentEvent e) {
            this.event = e;
            return this;
        }

        Line forReview(ReviewCase c) {
            this.reviewCase = c;
            return this;
        }

        void resolve(Outcome o, Long ledgerAmount, String d) {
            this.outcome = o;
            this.ledgerAmountCents = ledgerAmount;
            this.detail = d;
        }
    }

    /** The CSV header. */
    public static final String CSV_HEADER = "checkout_id,payment_intent_id,intent_id,checkout_created_at,currency,"
            + "amount_cents,ledger_amount_cents,outcome,detail";

    private final String runId;
    private final Instant from;
    private final Instant until;
    private final Map<String, List<Intent>> succeededByCheckout = new LinkedHashMap<>();
    private final List<Intent> succeededWithoutCheckout = new ArrayList<>();
    private final Set<String> comparedCheckouts = new LinkedHashSet<>();
    private final List<Line> lines = new ArrayList<>();
    private long paidCheckouts;
    private int listedIntents;

    ReconciliationRun(String runId, Instant from, Instant until) {
        this.runId = runId;
        this.from = from;
        this.until = until;
    }

    public String getRunId() {
        return runId;
    }

    /** Start of the period (inclusive), the {@code from_time} of the checkout and intent listings. */
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

    synchronized void listed(Intent intent) {
        listedIntents++;
        if (!"succeeded".equals(intent.getStatus())) {
            return;
        }
        String checkoutId =
                intent.getCheckout() == null ? null : intent.getCheckout().getId();
        if (checkoutId == null || checkoutId.isBlank()) {
            succeededWithoutCheckout.add(intent);
        } else {
            succeededByCheckout
                    .computeIfAbsent(checkoutId, k -> new ArrayList<>())
                    .add(intent);
        }
    }

    /** @return the succeeded intents listed for a checkout, in the API's order */
    synchronized List<Intent> succeededIntentsOf(String checkoutId) {
        return checkoutId == null ? List.of() : List.copyOf(succeededByCheckout.getOrDefault(checkoutId, List.of()));
    }

    /** @return the succeeded intents that name no checkout */
    synchronized List<Intent> succeededWithoutCheckout() {
        return List.copyOf(succeededWithoutCheckout);
    }

    synchronized void compared(String checkoutId) {
        paidCheckouts++;
        comparedCheckouts.add(checkoutId);
    }

    /**
     * @return the checkouts with succeeded intents since the period start that the period's checkouts did not cover:
     * charges of older checkouts (a subscription's renewals)
     */
    public synchronized List<String> getUncomparedCheckouts() {
        List<String> ids = new ArrayList<>();
        for (String id : succeededByCheckout.keySet()) {
            if (!comparedCheckouts.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** @return how many intents the period's listing had (every status) */
    public synchronized int getListedIntents() {
        return listedIntents;
    }

    synchronized void add(Line line) {
        lines.add(line);
    }

    /** @return the lines, oldest checkout first */
    public synchronized List<Line> getLines() {
        List<Line> sorted = new ArrayList<>(lines);
        sorted.sort(Comparator.comparing(
                        (Line l) -> l.getCreatedAt() == null ? Instant.EPOCH : Instant.parse(l.getCreatedAt()))
                .thenComparing(l -> l.getCheckoutId() == null ? "" : l.getCheckoutId())
                .thenComparing(l -> l.getIntentId() == null ? "" : l.getIntentId()));
        return sorted;
    }

    public synchronized long count(Outcome outcome) {
        return lines.stream().filter(l -> l.getOutcome() == outcome).count();
    }

    /** The report: {@link #CSV_HEADER} and one line per charge (or paid checkout without one) of the period. */
    public String toCsv() {
        StringBuilder sb = new StringBuilder(CSV_HEADER).append('\n');
        for (Line l : getLines()) {
            sb.append(csv(l.getCheckoutId()))
                    .append(',')
                    .append(csv(l.getPaymentIntentId()))
                    .append(',')
                    .append(csv(l.getIntentId()))
                    .append(',')
                    .append(csv(l.getCreatedAt()))
                    .append(',')
                    .append(csv(l.getCurrency()))
                    .append(',')
                    .append(l.getAmountCents() == null ? "" : l.getAmountCents())
                    .append(',')
                    .append(l.getLedgerAmountCents() == null ? "" : l.getLedgerAmountCents())
                    .append(',')
                    .append(l.getOutcome())
                    .append(',')
                    .append(csv(l.getDetail()))
                    .append('\n');
        }
        return sb.toString();
    }

    /** The counts, for the log line, the HTTP answer and the demo summary. */
    public synchronized Map<String, Object> summary(String reportFile) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("runId", runId);
        s.put("from", from.toString());
        s.put("until", until.toString());
        s.put("paidCheckouts", paidCheckouts);
        s.put("lines", (long) lines.size());
        s.put("matched", count(Outcome.MATCHED));
        s.put("missingPosted", count(Outcome.MISSING_POSTED));
        s.put("amountDiffers", count(Outcome.AMOUNT_DIFFERS));
        s.put("missingNotPosted", count(Outcome.MISSING_NOT_POSTED));
        s.put("needsReview", count(Outcome.NEEDS_REVIEW));
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
