package io.github.camelrecurrente.examples.refunds;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import io.github.camelrecurrente.component.model.Refund;
import io.github.camelrecurrente.examples.app.ExamplesStack;
import io.github.camelrecurrente.examples.demo.DemoScenario;
import io.github.camelrecurrente.examples.ledger.LedgerReport;
import io.github.camelrecurrente.examples.testsupport.SignedWebhooks;
import io.github.camelrecurrente.examples.testsupport.TestStacks;
import io.github.camelrecurrente.sandbox.PaymentOptions;
import io.github.camelrecurrente.sandbox.RecurrenteSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * refund.create events as thin as the evidence shows ({"refund": {"id"}}): the app reads the refund back with
 * getRefund and books what the API answers; a refund whose amounts cannot be determined goes to the refund
 * dead-letter table, never a credit note of 0. Real signed webhooks over HTTP, the real H2 ledger.
 */
class RefundEventsEndToEndTest {

    @TempDir
    static Path dir;

    static Map<String, String> props;
    static ExamplesStack stack;
    static RecurrenteSandbox sandbox;
    static LedgerReport ledger;
    static String webhookUrl;
    static String secret;

    @BeforeAll
    static void start() {
        props = TestStacks.properties(dir);
        stack = ExamplesStack.start(props);
        sandbox = stack.sandbox().sandbox();
        ledger = new LedgerReport(stack.app().ledger());
        webhookUrl = stack.sandbox().webhookUrl();
        secret = stack.sandbox().appProperties().get("recurrente.webhook.secret");
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private static long getRefundCalls(String refundId) {
        return sandbox.requests().stream()
                .filter(r -> "GET".equals(r.method()) && r.path().endsWith("/refunds/" + refundId))
                .count();
    }

    @Test
    void thinRefundCreateIsCompletedWithGetRefundAndBookedWithTheApiAmounts() throws Exception {
        String checkout = sandbox.createCheckout(18000, "GTQ");
        String pa = (String)
                sandbox.payCheckout(checkout, PaymentOptions.defaults()).get("id");
        DemoScenario.await(() -> ledger.paymentCount(pa) == 1, "payment posted");
        // a refund made elsewhere (the dashboard): its own webhook is lost, ours is thin
        sandbox.dropNext(stack.sandbox().webhookEndpointId(), 1, "refund\\.create");
        Refund made = stack.app()
                .producer()
                .requestBody("recurrente:createRefund", Map.of("payment_intent_id", pa), Refund.class);
        String re = made.getId();
        assertEquals(0, ledger.number("select count(*) from refunds where refund_id = ?", re));

        HttpResponse<String> answer = SignedWebhooks.deliverAndAwaitPosting(
                webhookUrl,
                secret,
                "{\"event_type\": \"refund.create\","
                        + " \"api_version\": \"2024-04-24\", \"refund\": {\"id\": \"" + re
                        + "\"}, \"checkout\": {\"id\": \""
                        + checkout + "\"}}",
                ledger);
        assertTrue(answer.statusCode() / 100 == 2, answer.statusCode() + " " + answer.body());

        Map<String, Object> atApi = sandbox.refund(re);
        Map<String, Object> row =
                ledger.rows("select * from refunds where refund_id = ?", re).get(0);
        assertEquals(
                ((Number) atApi.get("customer_refunded_amount_in_cents")).longValue(),
                row.get("customer_refunded_cents"));
        assertEquals(
                ((Number) atApi.get("account_refunded_amount_in_cents")).longValue(),
                row.get("account_refunded_cents"));
        assertTrue((Long) row.get("customer_refunded_cents") > 0);
        assertEquals(pa, row.get("payment_intent_id"), "linked to the payment through the event's checkout");
        assertEquals(row.get("customer_refunded_cents"), ledger.payment(pa).get("refunded_cents"));
        assertEquals(
                0,
                ledger.number(
                        "select sum(debit_cents) - sum(credit_cents) from journal_lines where entry_id = ?",
                        "CN-" + re));
        assertEquals(1, getRefundCalls(re), "the event was completed with GET /refunds/{id}");
        // delivered again with another svix-id: booked already, no second API call, no second note
        HttpResponse<String> again = SignedWebhooks.deliverAndAwaitPosting(
                webhookUrl,
                secret,
                "{\"event_type\": \"refund.create\", \"refund\": {\"id\": \"" + re + "\"}}",
                ledger);
        assertTrue(again.statusCode() / 100 == 2, again.body());
        assertEquals(1, ledger.number("select count(*) from refunds where refund_id = ?", re));
        assertEquals(1, getRefundCalls(re));
    }

    @Test
    void refundTheApiDoesNotKnowGoesToTheDeadLetterTableNotToACreditNoteOfZero() throws Exception {
        long notes = ledger.number("select count(*) from journal_lines where entry_type = 'REFUND'");
        HttpResponse<String> answer = SignedWebhooks.deliverAndAwaitPosting(
                webhookUrl,
                secret,
                "{\"event_type\": \"refund.create\", \"refund\": {\"id\": \"re_unknownatapi\"}}",
                ledger);
        assertTrue(
                answer.statusCode() / 100 == 2,
                "kept in the dead-letter table, so not redelivered: " + answer.statusCode());
        Map<String, Object> dead = ledger.rows("select * from refund_dead_letters where refund_id = 're_unknownatapi'")
                .get(0);
        assertEquals(RefundBooking.REFUND_NOT_FOUND, dead.get("reason"));
        assertEquals("refund.create", dead.get("source"));
        assertEquals(0, ledger.number("select count(*) from refunds where refund_id = 're_unknownatapi'"));
        assertEquals(notes, ledger.number("select count(*) from journal_lines where entry_type = 'REFUND'"));
        assertEquals(0, ledger.number("select count(*) from refunds where customer_refunded_cents = 0"));
    }

    @Test
    void aRefundOfAPaymentWithAnOpenRefundDeadLetterIsRefusedUntilResolved() throws Exception {
        String checkout = sandbox.createCheckout(7000, "GTQ");
        String pa = (String)
                sandbox.payCheckout(checkout, PaymentOptions.defaults()).get("id");
        DemoScenario.await(() -> ledger.paymentCount(pa) == 1, "payment posted");
        new RefundBooking(stack.app().ledger())
                .deadLetter("re_lost", pa, checkout, "refund.create", RefundBooking.AMOUNT_UNKNOWN, "test");
        HttpResponse<String> r = TestStacks.send(
                "POST",
                TestStacks.opsUrl(props) + "/ops/refunds",
                "{\"payment_intent_id\": \"" + pa + "\"}",
                "Authorization",
                "Bearer " + TestStacks.OPS_TOKEN);
        assertEquals(409, r.statusCode(), r.body());
        assertTrue(r.body().contains("refund_unresolved"), r.body());
    }

    @Test
    void deadLetteredRefundIsBookedByTheOperatorRetryOnceItCanBeDetermined() throws Exception {
        String checkout = sandbox.createCheckout(6600, "GTQ");
        String pa = (String)
                sandbox.payCheckout(checkout, PaymentOptions.defaults()).get("id");
        DemoScenario.await(() -> ledger.paymentCount(pa) == 1, "payment posted");
        sandbox.dropNext(stack.sandbox().webhookEndpointId(), 1, "refund\\.create");
        String re = stack.app()
                .producer()
                .requestBody("recurrente:createRefund", Map.of("payment_intent_id", pa), Refund.class)
                .getId();
        // say it could not be determined when it came in (the API was answering without amounts, say)
        new RefundBooking(stack.app().ledger())
                .deadLetter(re, null, checkout, "refund.create", RefundBooking.AMOUNT_UNKNOWN, "test");
        assertEquals(0, ledger.number("select count(*) from refunds where refund_id = ?", re));

        HttpResponse<String> retry = TestStacks.opsPost(props, "/ops/refunds/retry", "");
        assertEquals(200, retry.statusCode(), retry.body());
        assertTrue(retry.body().contains("\"resolved\": "), retry.body());
        Map<String, Object> row =
                ledger.rows("select * from refunds where refund_id = ?", re).get(0);
        assertEquals(
                ((Number) sandbox.refund(re).get("customer_refunded_amount_in_cents")).longValue(),
                row.get("customer_refunded_cents"));
        assertEquals(pa, row.get("payment_intent_id"));
        assertEquals(
                0,
                ledger.number(
                        "select count(*) from refund_dead_letters where refund_id = ?" + " and resolved_at is null",
                        re));
        assertEquals(
                1,
                ledger.number("select count(*) from operator_audit where action = 'refund-retry'"
                        + " and http_status = 200"));
    }
}
