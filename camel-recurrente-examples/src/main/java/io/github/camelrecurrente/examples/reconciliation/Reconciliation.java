package io.github.camelrecurrente.examples.reconciliation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelrecurrente.component.RecurrenteConstants;
import io.github.camelrecurrente.component.model.Checkout;
import io.github.camelrecurrente.component.model.Intent;
import io.github.camelrecurrente.component.model.LatestIntent;
import io.github.camelrecurrente.component.model.event.AbstractPaymentEvent;
import io.github.camelrecurrente.component.model.event.BankTransferIntentEvent;
import io.github.camelrecurrente.component.model.event.PaymentIntentEvent;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.Variable;

/**
 * The rules of the reconciliation route (routes/reconciliation/reconciliation.yaml), as the bean {@code reconciliation}: the period,
 * which ledger key a checkout has, how it compares with the ledger, and the payment event a lost webhook would have
 * carried, rebuilt from the checkout and its unified intent, for the same posting route as the webhook path
 * ({@code direct:ledger-post-payment}, idempotent on the payment intent id). The routes do all the I/O.
 */
public class Reconciliation {

    /** The exchange property holding the {@link ReconciliationRun}. */
    public static final String RUN = "reconciliationRun";
    /** Period headers of {@code direct:reconcile} (also the query parameters of POST /ops/reconcile). */
    public static final String FROM = "from";

    public static final String UNTIL = "until";

    private static final DateTimeFormatter RUN_ID =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

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
     * Indexes the succeeded intents of a {@code recurrente:listIntents} answer (list or lazy iterator) by checkout id:
     * they give a rebuilt payment its customer (e-mail for the receipt).
     */
    public int indexIntents(@Body Object intents, @ExchangeProperty(RUN) ReconciliationRun run) {
        Iterator<?> it = intents instanceof Iterator<?> i
                ? i
                : intents instanceof Iterable<?> l ? l.iterator() : List.of().iterator();
        while (it.hasNext()) {
            if (it.next() instanceof Intent intent
                    && "succeeded".equals(intent.getStatus())
                    && intent.getCheckout() != null
                    && intent.getCheckout().getId() != null) {
                run.indexIntent(intent);
            }
        }
        return run.getIndexedIntents();
    }

    /**
     * The ledger key of a paid checkout: its latest payment or bank transfer intent ({@code pa_...} / {@code ba_...},
     * the id the webhook path posts under), else {@code payment.id}; null when the checkout was paid without a payment.
     */
    public String paymentIntentId(@Body Checkout checkout) {
        LatestIntent latest = checkout.getLatestIntent();
        if (latest != null && latest.getId() != null) {
            if ("PaymentIntent".equalsIgnoreCase(latest.getType())
                    || "BankTransferIntent".equalsIgnoreCase(latest.getType())) {
                return latest.getId();
            }
            if ("SetupIntent".equalsIgnoreCase(latest.getType())) {
                return null;
            }
        }
        return checkout.getPayment() == null ? null : checkout.getPayment().getId();
    }

    /**
     * Compares a paid checkout with its ledger rows ({@code sql/reconciliation-ledger-select.sql}).
     *
     * @return {@code MISSING} (to post), {@code MATCHED}, {@code AMOUNT_DIFFERS} or {@code NO_PAYMENT}
     */
    public String outcome(
            @Variable("checkout") Checkout checkout,
            @Variable("paymentIntentId") String paymentIntentId,
            @Body List<Map<String, Object>> ledgerRows) {
        if (paymentIntentId == null) {
            return ReconciliationRun.Outcome.NO_PAYMENT.name();
        }
        if (ledgerRows == null || ledgerRows.isEmpty()) {
            return "MISSING";
        }
        Long ledger = ledgerAmount(ledgerRows);
        return ledger != null && ledger.equals(checkout.getTotalInCents())
                ? ReconciliationRun.Outcome.MATCHED.name()
                : ReconciliationRun.Outcome.AMOUNT_DIFFERS.name();
    }

    /**
     * The event the lost webhook would have carried ({@code payment_intent.succeeded} or
     * {@code bank_transfer_intent.succeeded}), rebuilt from documented fields only, for
     * {@code ledgerPostings.paymentPosting} in {@code direct:ledger-post-payment}: from the checkout (GET /checkouts:
     * {@code total_in_cents}, {@code currency}, payer's tax data in {@code payment.paymentable}, payment method,
     * metadata, {@code latest_intent}) and, when the period's intents have it, its succeeded unified intent
     * (GET /intents: {@code amount_in_cents}, {@code currency}, {@code customer}).
     * <p>
     * No fee and no IVA withheld: neither GET /checkouts nor GET /intents documents them. The payment is posted with
     * its fee unknown, booked when the FEL push-back's {@code PATCH /payment_intents/{id}} answers with it
     * (routes/ledger/ledger-fees.yaml). Never a guessed fee.
     *
     * @throws IllegalStateException when neither the checkout nor its intent gives the amount (nothing is posted)
     */
    public AbstractPaymentEvent paymentEvent(
            @Variable("checkout") Checkout checkout,
            @Variable("paymentIntentId") String paymentIntentId,
            @ExchangeProperty(RUN) ReconciliationRun run) {
        Intent intent = run.intentOf(checkout.getId());
        Long amount = intent != null && intent.getAmountInCents() != null
                ? intent.getAmountInCents()
                : checkout.getTotalInCents();
        if (amount == null) {
            throw new IllegalStateException("checkout " + checkout.getId() + " has no total_in_cents and no succeeded"
                    + " intent was found since " + run.getFrom() + ": amount unknown");
        }
        LatestIntent latest = checkout.getLatestIntent();
        boolean bankTransfer = (intent != null && "bank_transfer".equalsIgnoreCase(intent.getType()))
                || (latest != null && "BankTransferIntent".equalsIgnoreCase(latest.getType()));
        AbstractPaymentEvent event = bankTransfer ? new BankTransferIntentEvent() : new PaymentIntentEvent();
        event.setId(paymentIntentId);
        event.setEventType(bankTransfer ? "bank_transfer_intent.succeeded" : "payment_intent.succeeded");
        event.setStatus("succeeded");
        event.setAmountInCents(amount);
        event.setCurrency(
                intent != null && intent.getCurrency() != null ? intent.getCurrency() : checkout.getCurrency());
        event.setCheckout(checkout);
        event.setPayment(checkout.getPayment() != null || intent == null ? checkout.getPayment() : intent.getPayment());
        event.setPaymentMethod(checkout.getPaymentMethod());
        event.setCustomer(intent == null ? null : intent.getCustomer());
        event.setMetadata(checkout.getMetadata());
        event.setCreatedAt(latest == null ? null : latest.getCreatedAt());
        return event;
    }

    /** Adds the line of a checkout to the run ({@code ledgerRows}: the ledger as it is after a possible posting). */
    public void record(
            @Variable("checkout") Checkout checkout,
            @Variable("paymentIntentId") String paymentIntentId,
            @Variable("outcome") String outcome,
            @Variable("detail") String detail,
            @Body List<Map<String, Object>> ledgerRows,
            @ExchangeProperty(RUN) ReconciliationRun run) {
        OffsetDateTime created = checkout.getCreatedAt();
        run.add(new ReconciliationRun.Line(
                checkout.getId(),
                paymentIntentId,
                created == null ? null : created.toInstant().toString(),
                checkout.getCurrency(),
                checkout.getTotalInCents(),
                ledgerAmount(ledgerRows),
                ReconciliationRun.Outcome.valueOf(outcome),
                detail));
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

    private static Long ledgerAmount(List<Map<String, Object>> rows) {
        if (rows == null || rows.isEmpty()) {
            return null;
        }
        Object v = rows.get(0).get("grossCents");
        if (v == null) {
            // databases that fold the quoted alias (H2 DATABASE_TO_LOWER, PostgreSQL keeps it): look it up loosely
            for (Map.Entry<String, Object> e : rows.get(0).entrySet()) {
                if ("grosscents".equalsIgnoreCase(e.getKey())) {
                    v = e.getValue();
                }
            }
        }
        return v == null ? null : ((Number) v).longValue();
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
