package io.github.camelrecurrente.examples.refunds;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelrecurrente.component.model.Checkout;
import io.github.camelrecurrente.component.model.Refund;
import io.github.camelrecurrente.component.model.event.RefundEvent;
import io.github.camelrecurrente.examples.ledger.LedgerPostings;
import io.github.camelrecurrente.examples.ledger.RequestRefusedException;

/**
 * Refunds against the ledger (bean {@code refundBooking}, routes/refunds/refunds.yaml):
 * <ul>
 * <li>{@link #check}: an operator refund request is checked against the ledger before any API call: unknown payment
 * 404, nothing left to refund or an unresolved refund dead letter 409, more than the refundable rest 422; one
 * refund per payment at a time (a claim row, across nodes);</li>
 * <li>{@link #eventBooking}: a {@code refund.create} event, completed with the refund the API answers to
 * {@code GET /refunds/{id}}, becomes a posting with the amounts the API answered, or a dead letter when they (or the
 * payment it refunds) cannot be determined. Never a credit note of 0.</li>
 * </ul>
 */
public final class RefundBooking {

    /** Dead-letter reasons. */
    public static final String AMOUNT_UNKNOWN = "AMOUNT_UNKNOWN";

    public static final String REFUND_NOT_FOUND = "REFUND_NOT_FOUND";
    public static final String PAYMENT_UNKNOWN = "PAYMENT_UNKNOWN";
    public static final String REFUND_FAILED = "REFUND_FAILED";
    public static final String REFUND_ID_MISSING = "REFUND_ID_MISSING";
    public static final String CURRENCY_UNKNOWN = "CURRENCY_UNKNOWN";

    /** The refund_id of a dead letter whose event had none. */
    static final String NO_REFUND_ID = "(none)";

    /** A claim older than this is from a node that died mid-request: it no longer blocks. */
    static final Duration CLAIM_TIMEOUT = Duration.ofMinutes(10);

    private static final Set<String> REQUEST_FIELDS = Set.of("payment_intent_id", "amount_in_cents");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataSource dataSource;

    public RefundBooking(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Checks an operator refund request ({@code {"payment_intent_id": "pa_...", "amount_in_cents": 5000}}, amount
     * optional) against the ledger and claims the payment until {@link #release}.
     *
     * @param body a JSON text or a Map
     * @return the request for {@code recurrente:createRefund}
     * @throws RequestRefusedException 400 bad input, 404 unknown payment, 409 nothing left / refund in flight /
     *                                  unresolved dead letter, 422 above the refundable rest
     */
    public Map<String, Object> check(Object body) {
        Map<?, ?> request = requestOf(body);
        for (Object key : request.keySet()) {
            if (!REQUEST_FIELDS.contains(String.valueOf(key))) {
                throw RequestRefusedException.badRequest(
                        String.valueOf(key),
                        "unknown field " + key
                                + " (a refund request has payment_intent_id and, optionally, amount_in_cents)");
            }
        }
        Object id = request.get("payment_intent_id");
        if (!(id instanceof String pa) || pa.isBlank() || pa.length() > 64) {
            throw RequestRefusedException.badRequest(
                    "payment_intent_id",
                    "payment_intent_id is required: the id (at most 64 characters) of a payment in the ledger");
        }
        Long amount = amountOf(request.get("amount_in_cents"));
        Map<String, Object> payment = payment(pa);
        if (payment == null) {
            throw new RequestRefusedException(
                    404,
                    "payment_not_found",
                    "payment_intent_id",
                    "no payment " + pa + " in the ledger: only payments the ledger has recorded can be refunded here");
        }
        if (LedgerPostings.BANK_TRANSFER.equals(payment.get("kind"))) {
            throw new RequestRefusedException(
                    422,
                    "refund_not_supported",
                    "payment_intent_id",
                    "payment " + pa + " is a bank transfer: Recurrente refunds card and balance payments only;"
                            + " refund it outside Recurrente and book the credit note by hand");
        }
        long gross = ((Number) payment.get("gross")).longValue();
        long refunded = ((Number) payment.get("refunded")).longValue();
        long rest = gross - refunded;
        if (rest <= 0) {
            throw new RequestRefusedException(
                    409,
                    "already_refunded",
                    "payment_intent_id",
                    "payment " + pa + " is already fully refunded (" + refunded + " of " + gross + " cents)");
        }
        if (openDeadLetters(pa) > 0) {
            throw new RequestRefusedException(
                    409,
                    "refund_unresolved",
                    "payment_intent_id",
                    "payment " + pa
                            + " has a refund in the refund dead-letter table: resolve it before refunding again");
        }
        if (amount != null && amount > rest) {
            throw new RequestRefusedException(
                    422,
                    "amount_exceeds_refundable",
                    "amount_in_cents",
                    "amount_in_cents " + amount + " is more than the refundable rest of " + pa + ": " + rest
                            + " cents (paid " + gross + ", refunded " + refunded + ")");
        }
        claim(pa);
        Map<String, Object> create = new LinkedHashMap<>();
        create.put("payment_intent_id", pa);
        if (amount != null) {
            create.put("amount_in_cents", amount);
        }
        return create;
    }

    /** @return the payment_intent_id a request names, for the audit row (null when the body does not parse) */
    public String requestedPayment(Object body) {
        try {
            Object id = requestOf(body).get("payment_intent_id");
            return id == null ? null : LedgerPostings.truncate(String.valueOf(id), 255);
        } catch (RequestRefusedException e) {
            return null;
        }
    }

    /** Ends the claim of {@link #check}. */
    public void release(String paymentIntentId) {
        update("delete from refund_claims where payment_intent_id = ?", paymentIntentId);
    }

    /**
     * What a re-check of a refund booked as pending found ({@code direct:refund-pending-recheck}): the pending row
     * ({@code sql/refund-pending-select.sql}) with {@code newStatus} and {@code outcome}: {@code FINAL} (the API says
     * succeeded: the credit note stands), {@code REVERSE} (failed or voided: the credit note is reversed),
     * {@code PENDING} (still pending, or no status) or {@code UNKNOWN} (the API does not know it: a WARN, re-checked
     * again).
     *
     * @param fetched the answer of {@code GET /refunds/{id}}, null when it was 404
     */
    public Map<String, Object> recheck(Map<String, Object> pending, Refund fetched) {
        Map<String, Object> r = new LinkedHashMap<>(pending);
        String status = fetched == null ? null : fetched.getStatus();
        String outcome;
        if (fetched == null) {
            outcome = "UNKNOWN";
        } else if ("succeeded".equals(status)) {
            outcome = "FINAL";
        } else if ("failed".equals(status) || "voided".equals(status)) {
            outcome = "REVERSE";
        } else {
            outcome = "PENDING";
        }
        r.put("newStatus", "FINAL".equals(outcome) || "REVERSE".equals(outcome) ? status : "pending");
        r.put("outcome", outcome);
        return r;
    }

    /** @return the refund id of a {@code refund.create} event ({@code refund.id}, else an {@code id} re_...) */
    public String refundIdOf(RefundEvent event) {
        if (event.getRefundId() != null) {
            return event.getRefundId();
        }
        return event.getId() != null && event.getId().startsWith("re_") ? event.getId() : null;
    }

    /** @return true when the ledger has already booked this refund */
    public boolean isBooked(String refundId) {
        return count("select count(*) from refunds where refund_id = ?", refundId) > 0;
    }

    /**
     * The booking of a {@code refund.create} event: the posting ({@link LedgerPostings#refundPosting}) when the refund
     * the API answered carries both amounts and succeeded and its payment is in the ledger, else a dead letter
     * (a Map with {@code deadLetterReason}).
     *
     * @param fetched the answer of {@code GET /refunds/{id}}, null when the API does not know the refund (404)
     */
    public Map<String, Object> eventBooking(RefundEvent event, Refund fetched) {
        String refundId = refundIdOf(event);
        String checkoutId = event.getCheckout() != null ? event.getCheckout().getId() : null;
        if (fetched == null) {
            return deadLetter(
                    refundId,
                    null,
                    checkoutId,
                    "refund.create",
                    REFUND_NOT_FOUND,
                    "GET /refunds/" + refundId + " answered 404");
        }
        String pa = paymentOf(event, fetched, checkoutId);
        Map<String, Object> unbookable =
                unbookable(fetched, refundId, pa, checkoutId, "refund.create", "the refund the API answered");
        if (unbookable != null) {
            return unbookable;
        }
        if (pa == null) {
            return deadLetter(
                    refundId,
                    null,
                    checkoutId,
                    "refund.create",
                    PAYMENT_UNKNOWN,
                    "no single payment of the ledger matches the refund or its checkout " + checkoutId
                            + " (a credit note must name the invoice it corrects)");
        }
        return new LedgerPostings().refundPosting(fetched, pa);
    }

    /**
     * The open refund dead letters (with a refund id) as thin {@code refund.create} events, to run them through the
     * event path again ({@code direct:refund-dead-letter-retry}): the refund is read back from the API and booked
     * when its amounts and payment can now be determined.
     */
    public List<RefundEvent> openDeadLetterEvents() {
        String sql = "select distinct refund_id, payment_intent_id, checkout_id from refund_dead_letters"
                + " where resolved_at is null and refund_id <> '" + NO_REFUND_ID + "'";
        List<RefundEvent> events = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                RefundEvent e = new RefundEvent();
                e.setEventType("refund.create");
                Refund thin = new Refund();
                thin.setId(rs.getString(1));
                e.setRefund(thin);
                e.setPaymentIntentId(rs.getString(2));
                if (rs.getString(3) != null) {
                    Checkout checkout = new Checkout();
                    checkout.setId(rs.getString(3));
                    e.setCheckout(checkout);
                }
                events.add(e);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the refund dead letters: " + e.getMessage(), e);
        }
        return events;
    }

    /** Closes the open dead letters of refunds the ledger has booked since. @return how many */
    public int resolveBooked() {
        String sql = "update refund_dead_letters set resolved_at = ? where resolved_at is null"
                + " and refund_id in (select refund_id from refunds)";
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setTimestamp(1, Timestamp.from(Instant.now()));
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot resolve the refund dead letters: " + e.getMessage(), e);
        }
    }

    /** @return the number of open refund dead letters */
    public long openDeadLetterCount() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s =
                        c.prepareStatement("select count(*) from refund_dead_letters where resolved_at is null");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count the refund dead letters: " + e.getMessage(), e);
        }
    }

    /** The dead letter of a {@code refund.create} event without a refund id. */
    public Map<String, Object> deadLetterWithoutId(RefundEvent event) {
        String checkoutId = event.getCheckout() != null ? event.getCheckout().getId() : null;
        return deadLetter(null, null, checkoutId, "refund.create", REFUND_ID_MISSING, "the event carries no refund id");
    }

    /**
     * The booking of a refund made through the API (the answer of {@code createRefund}, completed with
     * {@code getRefund} when it lacked the amounts): the posting, or a dead letter when an amount is still missing or
     * the refund failed.
     */
    public Map<String, Object> apiBooking(Refund refund, String paymentIntentId) {
        String refundId = refund == null ? null : refund.getId();
        Map<String, Object> unbookable =
                unbookable(refund, refundId, paymentIntentId, null, "operator", "the API's answer");
        if (unbookable != null) {
            return unbookable;
        }
        return new LedgerPostings().refundPosting(refund, paymentIntentId);
    }

    /**
     * The dead letter of a refund the API answered that cannot be booked: without both amounts
     * ({@link #AMOUNT_UNKNOWN}), failed or voided ({@link #REFUND_FAILED}), or without a currency
     * ({@link #CURRENCY_UNKNOWN}).
     *
     * @param answer what answered, for the detail ("the API's answer")
     * @return the dead letter ({@link #deadLetter}), or null when the refund can be booked
     */
    private Map<String, Object> unbookable(
            Refund refund, String refundId, String paymentIntentId, String checkoutId, String source, String answer) {
        if (!LedgerPostings.amountsKnown(refund)) {
            return deadLetter(
                    refundId,
                    paymentIntentId,
                    checkoutId,
                    source,
                    AMOUNT_UNKNOWN,
                    answer + " has no customer_refunded_amount_in_cents and account_refunded_amount_in_cents");
        }
        if ("failed".equals(refund.getStatus()) || "voided".equals(refund.getStatus())) {
            return deadLetter(
                    refundId,
                    paymentIntentId,
                    checkoutId,
                    source,
                    REFUND_FAILED,
                    "the refund's status is " + refund.getStatus() + ": nothing to book");
        }
        if (refund.getCurrency() == null || refund.getCurrency().isBlank()) {
            return deadLetter(
                    refundId,
                    paymentIntentId,
                    checkoutId,
                    source,
                    CURRENCY_UNKNOWN,
                    answer + " has no currency (nothing is booked in a default currency)");
        }
        return null;
    }

    /**
     * Writes a dead letter (once per refund id while it is open). @return a Map describing it: {@code refundId},
     * {@code booked} false, {@code deadLetterReason}, {@code message}
     */
    public Map<String, Object> deadLetter(
            String refundId, String paymentIntentId, String checkoutId, String source, String reason, String detail) {
        String id = refundId == null ? NO_REFUND_ID : refundId;
        // once per open refund id, and never for a refund booked meanwhile (the operator path and the webhook of the
        // same refund may run at the same time)
        String sql = "insert into refund_dead_letters"
                + " (refund_id, payment_intent_id, checkout_id, source, reason, detail) select ?, ?, ?, ?, ?, ?"
                + " where not exists (select 1 from refund_dead_letters where refund_id = ? and resolved_at is null)"
                + " and not exists (select 1 from refunds where refund_id = ?)";
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, id);
            s.setString(2, paymentIntentId);
            s.setString(3, checkoutId);
            s.setString(4, source);
            s.setString(5, reason);
            s.setString(6, LedgerPostings.truncate(detail, 1000));
            s.setString(7, id);
            s.setString(8, id);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot write the refund dead letter of " + id + ": " + e.getMessage(), e);
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("refundId", refundId);
        r.put("paymentIntentId", paymentIntentId);
        r.put("booked", false);
        r.put("deadLetterReason", reason);
        r.put(
                "message",
                "refund " + id + " not booked (" + reason + "): " + detail + "; it is in the refund dead-letter table");
        return r;
    }

    private String paymentOf(RefundEvent event, Refund fetched, String checkoutId) {
        String[] candidates = {
            fetched.getPaymentIntentId(),
            idOf(fetched.getAdditionalProperty("payment_intent")),
            event.getPaymentIntentId(),
            idOf(event.getAdditionalProperty("payment_intent")),
            event.getRefund() == null ? null : event.getRefund().getPaymentIntentId()
        };
        for (String pa : candidates) {
            if (pa != null && count("select count(*) from payments where payment_intent_id = ?", pa) > 0) {
                return pa;
            }
        }
        if (checkoutId != null) {
            // only when the checkout has exactly one payment: a subscription's checkout has one per charge, and a
            // refund booked against the wrong charge would be worse than a dead letter
            String sql = "select payment_intent_id from payments where checkout_id = ?";
            try (Connection c = dataSource.getConnection();
                    PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, checkoutId);
                try (ResultSet rs = s.executeQuery()) {
                    String only = rs.next() ? rs.getString(1) : null;
                    return only != null && !rs.next() ? only : null;
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot read the payments of checkout " + checkoutId, e);
            }
        }
        return null;
    }

    private static Map<?, ?> requestOf(Object body) {
        if (body instanceof Map<?, ?> m) {
            return m;
        }
        String text =
                body instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : body == null ? "" : body.toString();
        try {
            Object parsed = text.isBlank() ? null : JSON.readValue(text, Object.class);
            if (parsed instanceof Map<?, ?> m) {
                return m;
            }
        } catch (JsonProcessingException e) {
            // answered below without the parser's details
        }
        throw RequestRefusedException.badRequest(
                null, "the body must be a JSON object: {\"payment_intent_id\": \"pa_...\", \"amount_in_cents\": 5000}");
    }

    private static Long amountOf(Object value) {
        if (value == null) {
            return null;
        }
        boolean integral = value instanceof Integer
                || value instanceof Long
                || value instanceof BigInteger
                || value instanceof BigDecimal d && d.stripTrailingZeros().scale() <= 0;
        if (!integral || ((Number) value).longValue() <= 0) {
            throw RequestRefusedException.badRequest(
                    "amount_in_cents", "amount_in_cents must be a whole number of cents greater than 0, was " + value);
        }
        return ((Number) value).longValue();
    }

    private Map<String, Object> payment(String pa) {
        String sql = "select gross_cents, refunded_cents, payment_kind from payments where payment_intent_id = ?";
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, pa);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("gross", rs.getLong(1));
                p.put("refunded", rs.getLong(2));
                p.put("kind", rs.getString(3));
                return p;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read payment " + pa + " from the ledger: " + e.getMessage(), e);
        }
    }

    private long openDeadLetters(String pa) {
        return count(
                "select count(*) from refund_dead_letters where payment_intent_id = ? and resolved_at is null", pa);
    }

    private void claim(String pa) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement stale =
                    c.prepareStatement("delete from refund_claims where payment_intent_id = ? and claimed_at < ?")) {
                stale.setString(1, pa);
                stale.setTimestamp(2, Timestamp.from(Instant.now().minus(CLAIM_TIMEOUT)));
                stale.executeUpdate();
            }
            try (PreparedStatement insert =
                    c.prepareStatement("insert into refund_claims (payment_intent_id, claimed_at) values (?, ?)")) {
                insert.setString(1, pa);
                insert.setTimestamp(2, Timestamp.from(Instant.now()));
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                throw new RequestRefusedException(
                        409,
                        "refund_in_progress",
                        "payment_intent_id",
                        "a refund of " + pa + " is in progress: try again when it has finished");
            }
            throw new IllegalStateException("Cannot claim payment " + pa + " for a refund: " + e.getMessage(), e);
        }
    }

    private long count(String sql, String param) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, param);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Ledger query failed: " + e.getMessage(), e);
        }
    }

    private void update(String sql, String param) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, param);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Ledger update failed: " + e.getMessage(), e);
        }
    }

    private static String idOf(Object ref) {
        if (ref instanceof Map<?, ?> m && m.get("id") != null) {
            return m.get("id").toString();
        }
        return ref instanceof String s ? s : null;
    }
}
