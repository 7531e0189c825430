package io.github.camelrecurrente.examples.reconciliation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelrecurrente.component.RecurrenteConstants;
import io.github.camelrecurrente.component.model.Checkout;
import io.github.camelrecurrente.component.model.Intent;
import io.github.camelrecurrente.component.model.LatestIntent;
import io.github.camelrecurrente.component.model.Payment;
import io.github.camelrecurrente.component.model.event.AbstractPaymentEvent;
import io.github.camelrecurrente.component.model.event.BalanceIntentEvent;
import io.github.camelrecurrente.component.model.event.BankTransferIntentEvent;
import io.github.camelrecurrente.component.model.event.PaymentIntentEvent;
import io.github.camelrecurrente.examples.ledger.LedgerDatabase;
import io.github.camelrecurrente.examples.ledger.SqlRows;
import io.github.camelrecurrente.examples.reconciliation.ReconciliationRun.Line;
import io.github.camelrecurrente.examples.reconciliation.ReconciliationRun.Outcome;
import io.github.camelrecurrente.examples.review.ReviewCase;
import io.github.camelrecurrente.examples.review.ReviewQueue;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.Variable;

/**
 * The rules of the reconciliation route (routes/reconciliation/reconciliation.yaml), as the bean
 * {@code reconciliation}. The routes do all the I/O.
 * <p>
 * <b>What says a charge succeeded, and for how much:</b> only a listed unified intent ({@code GET /intents}) whose
 * {@code status} is {@code succeeded}; its {@code amount_in_cents} and {@code currency} are the charged amount. A
 * checkout's {@code paid} status, its {@code latest_intent} (no status) and its {@code total_in_cents} (not the charged
 * amount with dynamic pricing) never book anything.
 * <p>
 * <b>Which ledger row a charge is:</b> the rows of the same checkout ({@code payments.checkout_id}, stored on every
 * posted payment) and the row of the checkout's documented intent id ({@code latest_intent.id} when its type is
 * {@code PaymentIntent}); charges and rows are paired by amount and currency. Never {@code checkout.payment.id}: it is
 * another object than the payment intent the webhook path books under.
 * <p>
 * <b>When a charge is missing from the ledger</b> it is posted through the webhook path's own posting route only when
 * every fact is documented: the payment id ({@code latest_intent.id} of type {@code PaymentIntent}), a one-time
 * checkout with exactly one succeeded charge (a subscription checkout's latest intent may be a later, failed charge),
 * the amount and the currency of the succeeded intent. Otherwise the charge is {@code NEEDS_REVIEW}: a case of the
 * review queue, nothing booked, nothing invoiced.
 * <p>
 * <b>Renewals:</b> succeeded intents of checkouts created before the period (a subscription's later charges) are
 * compared with the ledger rows of their checkout paid since the period start; a charge without its row needs review
 * (no listing documents its payment id).
 */
public class Reconciliation {

    /** The exchange property holding the {@link ReconciliationRun}. */
    public static final String RUN = "reconciliationRun";
    /** Period headers of {@code direct:reconcile} (also the query parameters of POST /ops/reconcile). */
    public static final String FROM = "from";

    public static final String UNTIL = "until";

    /** The review cases' source. */
    static final String SOURCE = "reconciliation";

    /**
     * Ledger rows of an older checkout count for the period when paid at most this long before its start (our
     * choice: the payment events' {@code created_at} comes from Recurrente's clock, the period from ours).
     */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private static final DateTimeFormatter RUN_ID =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final LocalDateTime EVER = LocalDateTime.of(1970, 1, 1, 0, 0);

    private final Duration lookback;
    private final Clock clock;
    private final AtomicInteger sequence = new AtomicInteger();

    /** @param lookback the default period: the {@code lookback} before now ({@code reconciliation.lookback}, 24h) */
    public Reconciliation(Duration lookback) {
        this(lookback, Clock.systemUTC());
    }

    Reconciliation(Duration lookback, Clock clock) {
        if (lookback == null || lookback.isNegative() || lookback.isZero()) {
            throw new IllegalArgumentException(
                    "reconciliation.lookback must be a positive duration (e.g. 24h), was " + lookback);
        }
        this.lookback = lookback;
        this.clock = clock;
    }

    /**
     * Starts a run. Its period is {@code from}/{@code until} (headers {@value #FROM}/{@value #UNTIL} or
     * {@code CamelRecurrenteFromTime}/{@code CamelRecurrenteUntilTime}, ISO-8601), by default the lookback
     * before now.
     */
    public ReconciliationRun start(Exchange exchange) {
        Instant now = clock.instant();
        Instant until = instant(header(exchange, UNTIL, RecurrenteConstants.UNTIL_TIME), UNTIL);
        Instant from = instant(header(exchange, FROM, RecurrenteConstants.FROM_TIME), FROM);
        if (until == null) {
            until = now;
        }
        if (from == null) {
            from = until.minus(lookback);
        }
        if (!from.isBefore(until)) {
            throw new IllegalArgumentException(
                    "Reconciliation period is empty: from " + from + " is not before until " + until);
        }
        String runId = RUN_ID.format(now) + "-" + sequence.incrementAndGet();
        return new ReconciliationRun(runId, from, until);
    }

    /**
     * Keeps the intents of a {@code recurrente:listIntents} answer (list or lazy iterator): the succeeded ones by
     * checkout id. @return how many were listed
     */
    public int indexIntents(@Body Object intents, @ExchangeProperty(RUN) ReconciliationRun run) {
        Iterator<?> it = intents instanceof Iterator<?> i
                ? i
                : intents instanceof Iterable<?> l ? l.iterator() : List.of().iterator();
        while (it.hasNext()) {
            if (it.next() instanceof Intent intent) {
                run.listed(intent);
            }
        }
        return run.getListedIntents();
    }

    /**
     * The payment id a checkout documents: {@code latest_intent.id} when its {@code type} is {@code PaymentIntent}
     * (the id {@code payment_intent.*} events carry), else null. Never {@code payment.id} (another object), never an
     * undocumented type.
     */
    public String documentedPaymentIntentId(Checkout checkout) {
        LatestIntent latest = checkout == null ? null : checkout.getLatestIntent();
        return latest != null && latest.getId() != null && "PaymentIntent".equals(latest.getType())
                ? latest.getId()
                : null;
    }

    /**
     * The parameters of {@code sql/reconciliation-ledger-select.sql} for a paid checkout of the period: its rows and
     * the row of its documented intent id, whenever paid.
     */
    public Map<String, Object> checkoutQuery(@Body Checkout checkout) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("checkoutId", checkout.getId());
        q.put("paymentIntentId", documentedPaymentIntentId(checkout));
        q.put("paidFrom", EVER);
        return q;
    }

    /** The same for an older checkout with charges in the period: its rows paid since the period start. */
    public Map<String, Object> renewalQuery(@Body String checkoutId, @ExchangeProperty(RUN) ReconciliationRun run) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("checkoutId", checkoutId);
        q.put("paymentIntentId", null);
        q.put("paidFrom", LedgerDatabase.utc(run.getFrom().minus(CLOCK_SKEW)));
        return q;
    }

    /**
     * Compares a paid checkout of the period with its ledger rows.
     *
     * @return one line per succeeded charge of the checkout (or one for the checkout when none is listed)
     */
    public List<Line> compare(
            @Variable("checkout") Checkout checkout,
            @Body List<Map<String, Object>> ledgerRows,
            @ExchangeProperty(RUN) ReconciliationRun run) {
        run.compared(checkout.getId());
        String created = checkout.getCreatedAt() == null
                ? null
                : checkout.getCreatedAt().toInstant().toString();
        String documentedId = documentedPaymentIntentId(checkout);
        List<Intent> succeeded = run.succeededIntentsOf(checkout.getId());
        List<Row> rows = rows(ledgerRows);
        List<Line> out = new ArrayList<>();
        if (succeeded.isEmpty()) {
            LatestIntent latest = checkout.getLatestIntent();
            if (latest != null && "SetupIntent".equals(latest.getType())) {
                out.add(new Line(
                        checkout.getId(),
                        null,
                        null,
                        created,
                        checkout.getCurrency(),
                        null,
                        null,
                        Outcome.NO_PAYMENT,
                        "paid with a setup intent (no charge)"));
            } else if (!rows.isEmpty()) {
                for (Row r : rows) {
                    out.add(new Line(
                            checkout.getId(),
                            r.id(),
                            null,
                            created,
                            r.currency(),
                            null,
                            r.gross(),
                            Outcome.MATCHED,
                            "in the ledger; no succeeded intent listed since " + run.getFrom()
                                    + ", so no charged amount to compare"));
                }
            } else {
                String detail = "the checkout is paid but GET /intents lists no succeeded intent of it since "
                        + run.getFrom() + ": no document says a charge succeeded, nor for how much (total_in_cents "
                        + checkout.getTotalInCents() + " is not a charged amount); nothing booked";
                AbstractPaymentEvent payload = paymentEvent(checkout, null, documentedId);
                out.add(new Line(
                                checkout.getId(),
                                documentedId,
                                null,
                                created,
                                checkout.getCurrency(),
                                null,
                                null,
                                Outcome.NEEDS_REVIEW,
                                detail)
                        .forReview(new ReviewCase(
                                SOURCE + ":" + checkout.getId() + ":no-succeeded-intent",
                                ReviewQueue.SUCCESS_UNDOCUMENTED,
                                SOURCE,
                                checkout.getId(),
                                null,
                                documentedId,
                                checkout.getCurrency(),
                                null,
                                detail,
                                ReviewQueue.payloadOf(payload))));
            }
            return out;
        }
        pair(
                checkout.getId(),
                created,
                succeeded,
                rows,
                out,
                intent -> missing(checkout, created, documentedId, intent, succeeded.size(), run));
        return out;
    }

    /**
     * Compares the succeeded charges of an older checkout (renewals) with its ledger rows paid since the period
     * start. A charge without its row needs review: no listing documents the payment id a renewal is booked under.
     */
    public List<Line> compareRenewals(
            @Variable("renewalCheckoutId") String checkoutId,
            @Body List<Map<String, Object>> ledgerRows,
            @ExchangeProperty(RUN) ReconciliationRun run) {
        List<Intent> succeeded = run.succeededIntentsOf(checkoutId);
        List<Line> out = new ArrayList<>();
        pair(
                checkoutId,
                null,
                succeeded,
                rows(ledgerRows),
                out,
                intent -> review(
                        checkoutId,
                        null,
                        intent,
                        null,
                        ReviewQueue.IDENTITY_UNCERTAIN,
                        "a charge of checkout " + checkoutId + ", created before the period (a renewal), succeeded ("
                                + intent.getId() + ") and the ledger has no payment of that checkout for it since "
                                + run.getFrom() + ": GET /intents does not document the payment id it is booked under",
                        paymentEvent(null, intent, null)));
        return out;
    }

    /** Lines for the succeeded intents that name no checkout: nothing to match them with, so each needs review. */
    public List<Line> intentsWithoutCheckout(@ExchangeProperty(RUN) ReconciliationRun run) {
        List<Line> out = new ArrayList<>();
        for (Intent intent : run.succeededWithoutCheckout()) {
            out.add(review(
                    null,
                    null,
                    intent,
                    null,
                    ReviewQueue.IDENTITY_UNCERTAIN,
                    "intent " + intent.getId() + " succeeded without a checkout: nothing in the ledger can be matched"
                            + " with it for sure",
                    paymentEvent(null, intent, null)));
        }
        return out;
    }

    /** A line was posted: its ledger amount now ({@code sql/reconciliation-payment-select.sql}). */
    public void posted(@Variable("line") Line line, @Body List<Map<String, Object>> ledgerRows) {
        List<Row> rows = rows(ledgerRows);
        line.resolve(Outcome.MISSING_POSTED, rows.isEmpty() ? null : rows.get(0).gross(), null);
    }

    /** A line's posting failed. */
    public void notPosted(@Variable("line") Line line, @Variable("postingError") String error) {
        line.resolve(Outcome.MISSING_NOT_POSTED, null, error);
    }

    /** Adds a line to the run. */
    public void record(@Variable("line") Line line, @ExchangeProperty(RUN) ReconciliationRun run) {
        run.add(line);
    }

    /** The report of a run (CSV text). */
    public String csv(@ExchangeProperty(RUN) ReconciliationRun run) {
        return run.toCsv();
    }

    /** The counts of a run and where its report was written ({@code CamelFileNameProduced} of the file producer). */
    public Map<String, Object> summary(
            @ExchangeProperty(RUN) ReconciliationRun run, @Header(Exchange.FILE_NAME_PRODUCED) String reportFile) {
        return run.summary(reportFile);
    }

    /**
     * The payment event a lost webhook would have carried, rebuilt from documented fields only: the checkout
     * (payer's NIT/tax name in {@code payment.paymentable}, payment method, metadata; when known) and the succeeded
     * intent (the charged {@code amount_in_cents} and {@code currency}, {@code customer}). No fee, no IVA withheld:
     * neither listing documents them (booked later from a documented source, routes/ledger/ledger-fees.yaml).
     */
    AbstractPaymentEvent paymentEvent(Checkout checkout, Intent intent, String paymentIntentId) {
        String type = intent != null ? intent.getType() : null;
        LatestIntent latest = checkout == null ? null : checkout.getLatestIntent();
        AbstractPaymentEvent event;
        if ("bank_transfer".equals(type)) {
            event = new BankTransferIntentEvent();
            event.setEventType("bank_transfer_intent.succeeded");
        } else if ("balance".equals(type)) {
            event = new BalanceIntentEvent();
            event.setEventType("balance_intent.succeeded");
        } else {
            event = new PaymentIntentEvent();
            event.setEventType("payment_intent.succeeded");
        }
        event.setId(paymentIntentId);
        event.setStatus("succeeded");
        event.setAmountInCents(intent == null ? null : intent.getAmountInCents());
        event.setCurrency(intent == null ? null : intent.getCurrency());
        event.setCheckout(checkout != null ? checkout : intent == null ? null : intent.getCheckout());
        Payment payment = checkout != null && checkout.getPayment() != null
                ? checkout.getPayment()
                : intent == null ? null : intent.getPayment();
        event.setPayment(payment);
        if (checkout != null) {
            event.setPaymentMethod(checkout.getPaymentMethod());
            event.setMetadata(checkout.getMetadata());
        }
        event.setCustomer(intent == null ? null : intent.getCustomer());
        OffsetDateTime at = latest != null && paymentIntentId != null && paymentIntentId.equals(latest.getId())
                ? latest.getCreatedAt()
                : intent == null ? null : intent.getCreatedAt();
        event.setCreatedAt(at);
        return event;
    }

    /**
     * Pairs succeeded charges with ledger rows: same amount and currency first (MATCHED), then what is left in order
     * (AMOUNT_DIFFERS, reported only); a charge left without a row is {@code missing}.
     */
    private static void pair(
            String checkoutId,
            String created,
            List<Intent> succeeded,
            List<Row> rows,
            List<Line> out,
            java.util.function.Function<Intent, Line> missing) {
        List<Row> free = new ArrayList<>(rows);
        List<Intent> unpaired = new ArrayList<>();
        for (Intent intent : succeeded) {
            Row match = null;
            for (Row r : free) {
                if (Objects.equals(r.gross(), intent.getAmountInCents())
                        && r.currency() != null
                        && r.currency().equalsIgnoreCase(intent.getCurrency())) {
                    match = r;
                    break;
                }
            }
            if (match == null) {
                unpaired.add(intent);
            } else {
                free.remove(match);
                out.add(new Line(
                        checkoutId,
                        match.id(),
                        intent.getId(),
                        created,
                        intent.getCurrency(),
                        intent.getAmountInCents(),
                        match.gross(),
                        Outcome.MATCHED,
                        null));
            }
        }
        for (Intent intent : unpaired) {
            if (!free.isEmpty()) {
                Row r = free.remove(0);
                out.add(new Line(
                        checkoutId,
                        r.id(),
                        intent.getId(),
                        created,
                        intent.getCurrency(),
                        intent.getAmountInCents(),
                        r.gross(),
                        Outcome.AMOUNT_DIFFERS,
                        "Recurrente charged " + intent.getAmountInCents() + " " + intent.getCurrency() + ", the ledger"
                                + " has " + r.gross() + " " + r.currency() + ": reported only"));
            } else {
                out.add(missing.apply(intent));
            }
        }
    }

    /** A succeeded charge of a checkout of the period that the ledger lacks: posted when every fact is documented. */
    private Line missing(
            Checkout checkout, String created, String documentedId, Intent intent, int charges, ReconciliationRun run) {
        String why = null;
        String kind = ReviewQueue.IDENTITY_UNCERTAIN;
        if (intent.getAmountInCents() == null || intent.getAmountInCents() <= 0) {
            kind = ReviewQueue.AMOUNT_UNDOCUMENTED;
            why = "the succeeded intent " + intent.getId() + " has no charged amount_in_cents (total_in_cents "
                    + checkout.getTotalInCents() + " is not one)";
        } else if (intent.getCurrency() == null || intent.getCurrency().isBlank()) {
            kind = ReviewQueue.CURRENCY_MISSING;
            why = "the succeeded intent " + intent.getId() + " has no currency";
        } else if (documentedId == null) {
            LatestIntent latest = checkout.getLatestIntent();
            why = "no document gives the payment id of this " + (intent.getType() == null ? "" : intent.getType() + " ")
                    + "charge: checkout.latest_intent is "
                    + (latest == null ? "absent" : "of type " + latest.getType())
                    + " (only a PaymentIntent's id is the id payment events carry)";
        } else if (!"payment".equals(intent.getType())) {
            why = "the succeeded intent is of type " + intent.getType() + " but latest_intent " + documentedId
                    + " is a PaymentIntent: they may be different charges";
        } else if (charges > 1) {
            why = "the checkout has " + charges + " succeeded charges since " + run.getFrom()
                    + ": which one latest_intent " + documentedId + " is, no document says";
        } else if (isSubscription(checkout, intent)) {
            why = "a subscription checkout: its latest_intent " + documentedId
                    + " has no status and may be a later charge than the succeeded one";
        }
        AbstractPaymentEvent event = paymentEvent(checkout, intent, documentedId);
        if (why == null) {
            return new Line(
                            checkout.getId(),
                            documentedId,
                            intent.getId(),
                            created,
                            intent.getCurrency(),
                            intent.getAmountInCents(),
                            null,
                            Outcome.MISSING_POSTED,
                            null)
                    .toPost(event);
        }
        return review(checkout.getId(), created, intent, documentedId, kind, why + "; nothing booked", event);
    }

    private static Line review(
            String checkoutId,
            String created,
            Intent intent,
            String suggestedId,
            String kind,
            String detail,
            AbstractPaymentEvent payload) {
        return new Line(
                        checkoutId,
                        suggestedId,
                        intent.getId(),
                        created,
                        intent.getCurrency(),
                        intent.getAmountInCents(),
                        null,
                        Outcome.NEEDS_REVIEW,
                        detail)
                .forReview(new ReviewCase(
                        SOURCE + ":" + checkoutId + ":" + intent.getId(),
                        kind,
                        SOURCE,
                        checkoutId,
                        intent.getId(),
                        suggestedId,
                        intent.getCurrency() == null || intent.getCurrency().isBlank() ? null : intent.getCurrency(),
                        intent.getAmountInCents(),
                        detail,
                        ReviewQueue.payloadOf(payload)));
    }

    private static boolean isSubscription(Checkout checkout, Intent intent) {
        Payment p = checkout.getPayment() != null ? checkout.getPayment() : intent.getPayment();
        return p != null
                && p.getPaymentable() != null
                && "Subscription".equalsIgnoreCase(p.getPaymentable().getType());
    }

    /** A ledger row of {@code sql/reconciliation-ledger-select.sql}. */
    private record Row(String id, Long gross, String currency) {}

    private static List<Row> rows(List<Map<String, Object>> rows) {
        List<Row> out = new ArrayList<>();
        if (rows != null) {
            for (Map<String, Object> r : rows) {
                Object gross = SqlRows.value(r, "grossCents");
                out.add(new Row(
                        (String) SqlRows.value(r, "paymentIntentId"),
                        gross == null ? null : ((Number) gross).longValue(),
                        (String) SqlRows.value(r, "currency")));
            }
        }
        return out;
    }

    private static String header(Exchange exchange, String name, String alternative) {
        String v = exchange.getMessage().getHeader(name, String.class);
        if (v == null || v.isBlank()) {
            v = exchange.getMessage().getHeader(alternative, String.class);
        }
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static Instant instant(String text, String name) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e2) {
                throw new IllegalArgumentException(
                        "Reconciliation " + name + " must be an ISO-8601 instant, was " + text, e2);
            }
        }
    }
}
