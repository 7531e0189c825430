package io.github.camelrecurrente.examples.refunds;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import io.github.camelrecurrente.component.model.Refund;
import io.github.camelrecurrente.examples.app.ExamplesStack;
import io.github.camelrecurrente.examples.demo.DemoScenario;
import io.github.camelrecurrente.examples.ledger.LedgerReport;
import io.github.camelrecurrente.examples.testsupport.TestStacks;
import io.github.camelrecurrente.sandbox.PaymentOptions;
import io.github.camelrecurrente.sandbox.RecurrenteSandbox;
import io.github.camelrecurrente.sandbox.WebhookEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Refunds against an API that answers only what the reference documents (the emulator without its extended fields,
 * as "the real API" in real-API mode): the operator refund is booked with the documented answer's amounts, and a
 * refund made in the dashboard arrives as the thin refund.create the evidence shows, is read back with getRefund and
 * booked, linked to its payment through the event's checkout.
 */
class RefundsAgainstDocumentedApiTest {

    @TempDir
    Path dir;

    @Test
    void refundsAreBookedWithTheDocumentedAnswers() throws Exception {
        Map<String, String> props = TestStacks.properties(dir);
        // the refunds only: nothing invoiced
        props.put("fel.certifier", "off");
        try (RecurrenteSandbox api = TestStacks.realApi(props)) {
            try (ExamplesStack stack = ExamplesStack.start(props)) {
                LedgerReport ledger = new LedgerReport(stack.app().ledger());
                String checkout = api.createCheckout(30000, "GTQ");
                String pa = (String)
                        api.payCheckout(checkout, PaymentOptions.defaults()).get("id");
                DemoScenario.await(() -> ledger.paymentCount(pa) == 1, "payment posted");

                // operator refund: the documented answer carries both amounts
                HttpResponse<String> answer = TestStacks.opsPost(
                        props, "/ops/refunds", "{\"payment_intent_id\": \"" + pa + "\", \"amount_in_cents\": 10000}");
                assertEquals(200, answer.statusCode(), answer.body());
                assertEquals(10000L, ledger.payment(pa).get("refunded_cents"));

                // a refund made in the dashboard: its refund.create is thin, the app reads it back
                String re = stack.app()
                        .producer()
                        .requestBody(
                                "recurrente:createRefund",
                                Map.of("payment_intent_id", pa, "amount_in_cents", 5000),
                                Refund.class)
                        .getId();
                // the refund row and the payment's refunded total are written one after the other: wait for both
                DemoScenario.await(
                        () -> ledger.number("select count(*) from refunds where refund_id = ?", re) == 1
                                && Long.valueOf(15000L)
                                        .equals(ledger.payment(pa).get("refunded_cents")),
                        "refund " + re + " booked from its webhook");
                WebhookEvent event = api.events("refund.create").stream()
                        .filter(e -> e.body().contains(re))
                        .findFirst()
                        .orElseThrow();
                assertFalse(event.body().contains("customer_refunded_amount_in_cents"), "thin: " + event.body());
                Map<String, Object> atApi = api.refund(re);
                Map<String, Object> row = ledger.rows("select * from refunds where refund_id = ?", re)
                        .get(0);
                assertEquals(
                        ((Number) atApi.get("customer_refunded_amount_in_cents")).longValue(),
                        row.get("customer_refunded_cents"));
                assertEquals(
                        ((Number) atApi.get("account_refunded_amount_in_cents")).longValue(),
                        row.get("account_refunded_cents"));
                assertEquals(pa, row.get("payment_intent_id"));
                assertEquals(15000L, ledger.payment(pa).get("refunded_cents"));
                assertTrue(
                        api.requests().stream()
                                .anyMatch(r ->
                                        "GET".equals(r.method()) && r.path().endsWith("/refunds/" + re)),
                        "completed with GET /refunds/{id}");
                assertEquals(0, ledger.number("select count(*) from refund_dead_letters"));
            }
        }
    }
}
