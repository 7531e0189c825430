package io.github.camelrecurrente.examples.refunds;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelrecurrente.examples.testsupport.DocumentedApi;
import io.github.camelrecurrente.examples.testsupport.DocumentedDataTestBase;
import io.github.camelrecurrente.examples.testsupport.SignedWebhooks;
import io.github.camelrecurrente.examples.testsupport.TestStacks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.github.camelrecurrente.examples.testsupport.DocumentedApi.contract;
import static io.github.camelrecurrente.examples.testsupport.DocumentedApi.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Refunds against the documented answers (issue 21, item 5): a {@code pending} refund is booked as pending, not as a
 * final credit note; {@code direct:refund-pending-recheck} reads it again with {@code GET /refunds/{id}} until it is
 * final and reverses it when it failed or was voided. Refunds are card or balance only: a bank transfer is refused
 * before any API call. And a refund without a currency is never booked in GTQ (item 9).
 */
class RefundLifecycleAgainstDocumentedDataTest extends DocumentedDataTestBase {

    @BeforeAll
    static void start() {
        startWith(Map.of());
    }

    @Test
    void pendingRefundIsBookedAsPendingThenReversedWhenItFails() throws Exception {
        String pa = cardPayment("pa_r3fund01", 30000);
        api.refundCreated(refund("re_p3nd1ng1", "pending", 10000, 8750, "GTQ"));
        HttpResponse<String> answer =
                TestStacks.opsPost(props, "/ops/refunds", "{\"payment_intent_id\": \"" + pa + "\"}");
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("pending", refundRow("re_p3nd1ng1").get("status"), "not a final credit note");
        assertEquals(10000L, ledger.payment(pa).get("refunded_cents"));

        // still pending: nothing changes
        api.refund("re_p3nd1ng1", refund("re_p3nd1ng1", "pending", 10000, 8750, "GTQ"));
        recheck();
        assertEquals("pending", refundRow("re_p3nd1ng1").get("status"));
        assertEquals(0, ledger.journalLineCount("CN-REV-re_p3nd1ng1"));

        // it failed: the credit note is reversed, the payment is refundable again
        api.refund("re_p3nd1ng1", refund("re_p3nd1ng1", "failed", 10000, 8750, "GTQ"));
        recheck();
        assertEquals("failed", refundRow("re_p3nd1ng1").get("status"));
        assertTrue(ledger.journalLineCount("CN-REV-re_p3nd1ng1") >= 3);
        assertEquals(0L, ledger.payment(pa).get("refunded_cents"));
        assertEquals(
                0,
                ledger.number(
                        "select sum(debit_cents - credit_cents) from journal_lines where entry_id in (?, ?)"
                                + " and account_code = '4190'",
                        "CN-re_p3nd1ng1",
                        "CN-REV-re_p3nd1ng1"));
        assertEquals(0, ledger.unbalancedEntries());
        // a second re-check does nothing more (it is final now)
        recheck();
        assertTrue(ledger.journalLineCount("CN-REV-re_p3nd1ng1") >= 3);
        assertEquals(0L, ledger.payment(pa).get("refunded_cents"));
    }

    @Test
    void pendingRefundBecomesFinalWhenItSucceeds() throws Exception {
        String pa = cardPayment("pa_r3fund02", 20000);
        api.refundCreated(refund("re_p3nd1ng2", "pending", 5000, 4375, "GTQ"));
        HttpResponse<String> answer = TestStacks.opsPost(
                props, "/ops/refunds", "{\"payment_intent_id\": \"" + pa + "\", \"amount_in_cents\": 5000}");
        assertEquals(200, answer.statusCode(), answer.body());
        api.refund("re_p3nd1ng2", refund("re_p3nd1ng2", "succeeded", 5000, 4375, "GTQ"));
        recheck();
        assertEquals("succeeded", refundRow("re_p3nd1ng2").get("status"));
        assertEquals(0, ledger.journalLineCount("CN-REV-re_p3nd1ng2"));
        assertEquals(5000L, ledger.payment(pa).get("refunded_cents"));
    }

    @Test
    void bankTransferIsNotRefundedThroughTheApi() throws Exception {
        ObjectNode event = contract("webhooks/bank_transfer_intent.succeeded.postman-docs.json");
        event.put("id", "ba_r3fund9x");
        ((ObjectNode) event.get("checkout")).put("id", "ch_r3fund9xk2m4q8");
        deliver(event);
        TestStacks.await(() -> ledger.paymentCount("ba_r3fund9x") == 1, Duration.ofSeconds(30), "posted");
        int refundCalls = api.requests("POST", "/refunds").size();
        api.refundCreated(refund("re_b4nk7r4n", "succeeded", 10000, 10000, "GTQ"));

        HttpResponse<String> answer =
                TestStacks.opsPost(props, "/ops/refunds", "{\"payment_intent_id\": \"ba_r3fund9x\"}");

        assertEquals(422, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("\"error\":\"refund_not_supported\""), answer.body());
        assertTrue(answer.body().contains("card and balance"), answer.body());
        assertEquals(refundCalls, api.requests("POST", "/refunds").size(), "no API call");
        assertEquals(0L, ledger.payment("ba_r3fund9x").get("refunded_cents"));
    }

    @Test
    void refundWithoutCurrencyIsADeadLetterNeverBookedAsGtq() throws Exception {
        String pa = cardPayment("pa_r3fund03", 15000);
        ObjectNode created =
                (ObjectNode) DocumentedApi.JSON.readTree(refund("re_n0cur4q1", "succeeded", 2500, 2187, "GTQ"));
        created.remove("currency");
        api.refundCreated(text(created));
        api.refund("re_n0cur4q1", text(created));
        HttpResponse<String> answer =
                TestStacks.opsPost(props, "/ops/refunds", "{\"payment_intent_id\": \"" + pa + "\"}");
        assertEquals(202, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("CURRENCY_UNKNOWN"), answer.body());
        assertEquals(0, ledger.number("select count(*) from refunds where refund_id = 're_n0cur4q1'"));
        assertEquals(0, ledger.journalLineCount("CN-re_n0cur4q1"));
    }

    // ------------------------------------------------------------------ helpers

    /** A card payment posted from the documented payment_intent.succeeded, with the documented PATCH answer. */
    static String cardPayment(String id, long amount) throws Exception {
        ObjectNode event = contract("webhooks/payment_intent.succeeded.postman-docs.json");
        event.put("id", id);
        event.put("amount_in_cents", amount);
        ((ObjectNode) event.get("payment")).put("id", id);
        ((ObjectNode) event.get("checkout")).put("id", "ch_" + id.substring(3) + "x9k2m4");
        ObjectNode patch = contract("responses/payment-intent-update.json");
        patch.put("id", id);
        patch.put("amount_in_cents", amount);
        api.paymentIntent(id, text(patch));
        deliver(event);
        TestStacks.await(() -> ledger.paymentCount(id) == 1, Duration.ofSeconds(30), id + " posted");
        return id;
    }

    /** The documented refund answer ({@code POST /refunds}, {@code GET /refunds/{id}}) with our values. */
    static String refund(String id, String status, long customer, long account, String currency) {
        ObjectNode r = contract("responses/refund-create.json");
        r.put("id", id);
        r.put("status", status);
        r.put("customer_refunded_amount_in_cents", customer);
        r.put("account_refunded_amount_in_cents", account);
        r.put("currency", currency);
        return text(r);
    }

    static Map<String, Object> refundRow(String id) {
        List<Map<String, Object>> rows = ledger.rows("select * from refunds where refund_id = ?", id);
        assertEquals(1, rows.size(), "refund " + id);
        return rows.get(0);
    }

    static void recheck() {
        stack.app().producer().requestBody("direct:refund-pending-recheck", null, String.class);
    }

    static void deliver(ObjectNode event) throws Exception {
        int status = SignedWebhooks.deliverAndAwaitPosting(webhookUrl, api.webhookSecret(), text(event), ledger)
                .statusCode();
        assertEquals(2, status / 100, "answered " + status);
    }
}
