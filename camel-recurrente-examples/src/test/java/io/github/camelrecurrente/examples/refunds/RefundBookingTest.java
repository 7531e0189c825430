package io.github.camelrecurrente.examples.refunds;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import io.github.camelrecurrente.component.model.Checkout;
import io.github.camelrecurrente.component.model.Refund;
import io.github.camelrecurrente.component.model.event.RefundEvent;
import io.github.camelrecurrente.examples.ledger.LedgerDatabase;
import io.github.camelrecurrente.examples.ledger.LedgerReport;
import io.github.camelrecurrente.examples.ledger.RequestRefusedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The refund decisions of {@link RefundBooking} against a real H2 ledger (the schema the app applies). */
class RefundBookingTest {

    @TempDir
    Path dir;

    HikariDataSource ds;
    LedgerReport ledger;
    RefundBooking booking;

    @BeforeEach
    void ledger() throws Exception {
        ds = LedgerDatabase.create("jdbc:h2:file:" + dir.resolve("ledger").toAbsolutePath(), "sa", "", 2);
        ledger = new LedgerReport(ds);
        booking = new RefundBooking(ds);
        try (Connection c = ds.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "insert into payments (payment_intent_id, payment_kind, event_type, checkout_id, currency, gross_cents,"
                                + " fee_cents, vat_withheld_cents, net_cents, tax_id, tax_name, invoice_status)"
                                + " values ('pa_1', 'card', 'payment_intent.succeeded', 'ch_1', 'GTQ', 10000, 0, 0, 10000, 'CF', 'CF',"
                                + " 'DONE')")) {
            s.executeUpdate();
        }
    }

    @AfterEach
    void close() {
        ds.close();
    }

    private static RefundEvent event(String refundId, String checkoutId) {
        RefundEvent e = new RefundEvent();
        e.setEventType("refund.create");
        Refund thin = new Refund();
        thin.setId(refundId);
        e.setRefund(thin);
        if (checkoutId != null) {
            Checkout c = new Checkout();
            c.setId(checkoutId);
            e.setCheckout(c);
        }
        return e;
    }

    private static Refund answered(String id, String status, Long customer, Long account) {
        Refund r = new Refund();
        r.setId(id);
        r.setStatus(status);
        r.setCurrency("GTQ");
        r.setCustomerRefundedAmountInCents(customer);
        r.setAccountRefundedAmountInCents(account);
        return r;
    }

    private long openDeadLetters(String refundId, String reason) {
        return ledger.number(
                "select count(*) from refund_dead_letters where refund_id = ? and reason = ?"
                        + " and resolved_at is null",
                refundId,
                reason);
    }

    @Test
    void theApiAmountsAreBookedAndThePaymentFoundThroughTheCheckout() {
        Map<String, Object> posting =
                booking.eventBooking(event("re_1", "ch_1"), answered("re_1", "succeeded", 10000L, 9500L));
        assertEquals(true, posting.get("booked"));
        assertEquals("pa_1", posting.get("paymentIntentId"));
        assertEquals(10000L, posting.get("customerRefundedCents"));
        assertEquals(9500L, posting.get("accountRefundedCents"));
    }

    @Test
    void withoutTheAmountsItIsADeadLetterOnceNeverAZeroNote() {
        Refund noAmounts = answered("re_2", "succeeded", null, null);
        noAmounts.setAmountInCents(10000L); // what was asked is not what the API answered
        for (int delivery = 0; delivery < 2; delivery++) {
            Map<String, Object> outcome = booking.eventBooking(event("re_2", "ch_1"), noAmounts);
            assertEquals(false, outcome.get("booked"));
            assertEquals(RefundBooking.AMOUNT_UNKNOWN, outcome.get("deadLetterReason"));
        }
        assertEquals(1, openDeadLetters("re_2", RefundBooking.AMOUNT_UNKNOWN), "one open row per refund");
        assertEquals(
                "pa_1",
                ledger.rows("select payment_intent_id from refund_dead_letters where refund_id = 're_2'")
                        .get(0)
                        .get("payment_intent_id"));
        // the payment now refuses operator refunds until the row is resolved
        RequestRefusedException e =
                assertThrows(RequestRefusedException.class, () -> booking.check("{\"payment_intent_id\": \"pa_1\"}"));
        assertEquals(409, e.getStatus());
        assertEquals("refund_unresolved", e.getCode());
    }

    @Test
    void aRefundOfNoPaymentOfTheLedgerOrOneThatFailedIsNotBooked() {
        Map<String, Object> unknown =
                booking.eventBooking(event("re_3", "ch_other"), answered("re_3", "succeeded", 500L, 500L));
        assertEquals(RefundBooking.PAYMENT_UNKNOWN, unknown.get("deadLetterReason"));
        Map<String, Object> failed =
                booking.eventBooking(event("re_4", "ch_1"), answered("re_4", "failed", 500L, 500L));
        assertEquals(RefundBooking.REFUND_FAILED, failed.get("deadLetterReason"));
        Map<String, Object> notFound = booking.eventBooking(event("re_5", null), null);
        assertEquals(RefundBooking.REFUND_NOT_FOUND, notFound.get("deadLetterReason"));
        assertEquals(1, openDeadLetters("re_3", RefundBooking.PAYMENT_UNKNOWN));
        assertEquals(1, openDeadLetters("re_4", RefundBooking.REFUND_FAILED));
        assertEquals(1, openDeadLetters("re_5", RefundBooking.REFUND_NOT_FOUND));
        assertEquals(0, ledger.number("select count(*) from refunds"));
    }

    @Test
    void aSubscriptionCheckoutWithSeveralChargesDoesNotSayWhichPaymentWasRefunded() throws Exception {
        try (Connection c = ds.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "insert into payments (payment_intent_id, payment_kind, event_type, checkout_id, currency, gross_cents,"
                                + " fee_cents, vat_withheld_cents, net_cents, tax_id, tax_name, invoice_status)"
                                + " values (?, 'card', 'payment_intent.succeeded', 'ch_sub', 'GTQ', 9900, 0, 0, 9900, 'CF', 'CF',"
                                + " 'DONE')")) {
            for (String pa : new String[] {"pa_first", "pa_renewal"}) {
                s.setString(1, pa);
                s.executeUpdate();
            }
        }
        Map<String, Object> outcome =
                booking.eventBooking(event("re_sub", "ch_sub"), answered("re_sub", "succeeded", 9900L, 9900L));
        assertEquals(RefundBooking.PAYMENT_UNKNOWN, outcome.get("deadLetterReason"), "not booked against a guess");
        // a refund the ledger has booked meanwhile gets no dead letter
        try (Connection c = ds.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "insert into refunds (refund_id, payment_intent_id, status, customer_refunded_cents,"
                                + " account_refunded_cents, currency, credit_note_entry_id) values ('re_booked', 'pa_1', 'succeeded',"
                                + " 100, 100, 'GTQ', 'CN-re_booked')")) {
            s.executeUpdate();
        }
        booking.deadLetter("re_booked", "pa_1", null, "refund.create", RefundBooking.PAYMENT_UNKNOWN, "raced");
        assertEquals(0, ledger.number("select count(*) from refund_dead_letters where refund_id = 're_booked'"));
    }

    @Test
    void anOperatorRefundIsBookedWithTheApiAnswerUnlessItFailedOrLacksAnAmount() {
        Map<String, Object> booked = booking.apiBooking(answered("re_6", "succeeded", 3000L, 2900L), "pa_1");
        assertEquals(true, booked.get("booked"));
        assertEquals(2900L, booked.get("accountRefundedCents"));
        Map<String, Object> failed = booking.apiBooking(answered("re_7", "voided", 3000L, 3000L), "pa_1");
        assertEquals(RefundBooking.REFUND_FAILED, failed.get("deadLetterReason"));
        Map<String, Object> unknown = booking.apiBooking(answered("re_8", "succeeded", 3000L, null), "pa_1");
        assertEquals(RefundBooking.AMOUNT_UNKNOWN, unknown.get("deadLetterReason"));
        assertEquals(
                "operator",
                ledger.rows("select source from refund_dead_letters where refund_id = 're_8'")
                        .get(0)
                        .get("source"));
    }

    @Test
    void oneOperatorRefundPerPaymentAtATimeAndAStaleClaimDoesNotBlock() throws Exception {
        Map<String, Object> request = booking.check(Map.of("payment_intent_id", "pa_1", "amount_in_cents", 2500));
        assertEquals(Map.of("payment_intent_id", "pa_1", "amount_in_cents", 2500L), request);
        RequestRefusedException busy =
                assertThrows(RequestRefusedException.class, () -> booking.check(Map.of("payment_intent_id", "pa_1")));
        assertEquals(409, busy.getStatus());
        assertEquals("refund_in_progress", busy.getCode());
        booking.release("pa_1");
        booking.check(Map.of("payment_intent_id", "pa_1"));
        // a node died holding the claim: after the timeout it no longer blocks
        try (Connection c = ds.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "update refund_claims set claimed_at = ? where payment_intent_id = 'pa_1'")) {
            s.setTimestamp(
                    1,
                    Timestamp.from(
                            Instant.now().minus(RefundBooking.CLAIM_TIMEOUT).minus(Duration.ofMinutes(1))));
            s.executeUpdate();
        }
        assertFalse(
                booking.check(Map.of("payment_intent_id", "pa_1")).containsKey("amount_in_cents"),
                "no amount: the reference's full refund");
        assertEquals(1, ledger.number("select count(*) from refund_claims"));
        assertTrue(booking.requestedPayment("{\"payment_intent_id\": \"pa_1\"}").equals("pa_1"));
        assertEquals(null, booking.requestedPayment("not json"));
    }
}
