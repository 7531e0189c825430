package io.github.camelrecurrente.sandbox;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulationTest {

    @RegisterExtension
    static RecurrenteSandboxExtension ext = RecurrenteSandboxExtension.create();

    private TestHttp http() {
        return new TestHttp(ext.sandbox());
    }

    private static JsonNode json(WebhookEvent e) {
        try {
            return TestHttp.MAPPER.readTree(e.body());
        } catch (IOException ex) {
            throw new AssertionError(ex);
        }
    }

    private static List<String> types(RecurrenteSandbox s) {
        return s.events().stream().map(WebhookEvent::eventType).toList();
    }

    @Test
    void cardPaymentPaysTheCheckoutAndEmitsLegacyAndUnifiedEvents(RecurrenteSandbox s) {
        String id = http().post(
                        "/api/checkouts",
                        "{\"items\":[{\"name\":\"Banana\",\"currency\":\"GTQ\",\"amount_in_cents\":10000}],"
                                + "\"metadata\":{\"wc_order_id\":\"77\"}}")
                .json()
                .get("id")
                .asText();
        Map<String, Object> pa = s.payCheckout(
                id,
                PaymentOptions.defaults()
                        .withTax("1234567", "Acme S.A.")
                        .withPayer("max@example.com", "Max Rodriguez"));
        String paId = (String) pa.get("id");
        assertTrue(paId.startsWith("pa_"), paId);

        JsonNode c = http().get("/api/checkouts/" + id).json();
        assertEquals("paid", c.get("status").asText());
        String paymentId = c.at("/payment/id").asText();
        assertTrue(paymentId.startsWith("pa_"), paymentId);
        assertNotEquals(paId, paymentId, "the payment is not the payment intent");
        assertEquals("OneTimePayment", c.at("/payment/paymentable/type").asText());
        assertTrue(c.at("/payment/paymentable/id").asText().startsWith("on_"));
        assertEquals("1234567", c.at("/payment/paymentable/tax_id").asText());
        assertEquals("Acme S.A.", c.at("/payment/paymentable/tax_name").asText());
        assertTrue(c.at("/payment_method/id").asText().startsWith("pay_m_"));
        assertEquals("card", c.at("/payment_method/type").asText());
        assertEquals("4242", c.at("/payment_method/card/last4").asText());
        assertEquals(paId, c.at("/latest_intent/id").asText());
        assertEquals("PaymentIntent", c.at("/latest_intent/type").asText());

        Map<String, Object> stored = s.paymentIntent(paId);
        assertEquals("succeeded", stored.get("status"));
        assertEquals(650, ((Number) stored.get("fee")).intValue());
        assertEquals(160, ((Number) stored.get("vat_withheld")).intValue());
        assertNotNull(stored.get("receipt_number"));
        assertTrue(stored.containsKey("tax_invoice_url"));

        assertEquals(List.of("payment_intent.succeeded", "intent.succeeded"), types(s));
        JsonNode ev = json(s.events("payment_intent.succeeded").get(0));
        assertEquals(paId, ev.get("id").asText());
        assertEquals(paymentId, ev.at("/payment/id").asText(), "the event's payment is the checkout's payment");
        assertEquals("payment_intent.succeeded", ev.get("event_type").asText());
        assertEquals("2024-04-24", ev.get("api_version").asText());
        assertEquals(id, ev.at("/checkout/id").asText());
        assertEquals("paid", ev.at("/checkout/status").asText());
        assertEquals("77", ev.at("/checkout/metadata/wc_order_id").asText());
        assertEquals(10000, ev.get("amount_in_cents").asLong());
        assertEquals("GTQ", ev.get("currency").asText());
        assertEquals(650, ev.get("fee").asLong());
        assertEquals(160, ev.get("vat_withheld").asLong());
        assertEquals("GTQ", ev.get("vat_withheld_currency").asText());
        assertEquals("max@example.com", ev.at("/customer/email").asText());
        assertEquals("Max Rodriguez", ev.at("/customer/full_name").asText());
        assertTrue(ev.at("/customer/id").asText().startsWith("us_"));
        assertEquals("1234567", ev.at("/payment/paymentable/tax_id").asText());
        assertTrue(ev.get("failure_reason").isNull());
        assertTrue(ev.has("invoice"));
        assertTrue(ev.has("created_at"));

        JsonNode unified = json(s.events("intent.succeeded").get(0));
        String inId = unified.get("id").asText();
        assertTrue(inId.startsWith("in_"), inId);
        assertEquals("payment", unified.get("type").asText());
        assertEquals("succeeded", unified.get("status").asText());
        assertEquals(10000, unified.get("amount_in_cents").asLong());
        assertEquals("1234567", unified.at("/customer/nit").asText());
        assertEquals(inId, http().get("/api/intents/" + inId).json().get("id").asText());
        assertEquals(1, http().get("/api/intents?status=succeeded").json().size());

        assertThrows(IllegalStateException.class, () -> s.payCheckout(id));
    }

    @Test
    void payerPhoneAndAddressReachThePayloadsLikeTheDocumentedExamples(RecurrenteSandbox s) {
        String id = http().recurringCheckout(5000);
        s.payCheckout(
                id,
                PaymentOptions.defaults()
                        .withPhone("5555-5555")
                        .withAddress("Plaza Obelisco", null, "Guatemala", "Guatemala", "01010"));
        JsonNode ev = json(s.events("payment_intent.succeeded").get(0));
        assertEquals(
                "Plaza Obelisco",
                ev.at("/payment/paymentable/address/address_line_1").asText());
        assertTrue(ev.at("/payment/paymentable/address/address_line_2").isNull());
        assertEquals("01010", ev.at("/payment/paymentable/address/zip_code").asText());
        assertEquals("5555-5555", ev.at("/payment/paymentable/phone_number").asText());
        assertEquals(
                "Guatemala",
                http().get("/api/checkouts/" + id)
                        .json()
                        .at("/payment/paymentable/address/city")
                        .asText());
        assertEquals(
                "5555-5555",
                json(s.events("subscription.create").get(0))
                        .at("/payment/paymentable/phone_number")
                        .asText());
        String plain = http().checkout(1000, "GTQ");
        s.payCheckout(plain);
        assertTrue(http().get("/api/checkouts/" + plain)
                .json()
                .at("/payment/paymentable/address")
                .isNull());
        assertEquals(
                "CF",
                http().get("/api/checkouts/" + plain)
                        .json()
                        .at("/payment/paymentable/tax_id")
                        .asText());
    }

    @Test
    void declinedCardFailsAndLeavesTheCheckoutUnpaid(RecurrenteSandbox s) {
        String id = http().checkout(5000, "GTQ");
        Map<String, Object> pa = s.payCheckout(id, PaymentOptions.card("4000 0000 0000 0002"));
        assertEquals("failed", pa.get("status"));
        JsonNode c = http().get("/api/checkouts/" + id).json();
        assertEquals("unpaid", c.get("status").asText());
        assertEquals(pa.get("id"), c.at("/latest_intent/id").asText());
        assertEquals(List.of("payment_intent.failed", "intent.failed"), types(s));
        JsonNode ev = json(s.events("payment_intent.failed").get(0));
        assertTrue(ev.get("failure_reason").asText().startsWith("Tu banco ha rechazado"));
        assertEquals(0, ev.get("fee").asLong());
        // the buyer can retry with a good card
        s.payCheckout(id);
        assertEquals(
                "paid", http().get("/api/checkouts/" + id).json().get("status").asText());
    }

    @Test
    void bankTransferPendingThenSucceeded(RecurrenteSandbox s) {
        String id = http().checkout(10000, "GTQ");
        Map<String, Object> ba =
                s.startBankTransfer(id, PaymentOptions.defaults().withTax("1234567", "Acme S.A."));
        assertTrue(((String) ba.get("id")).startsWith("ba_"));
        assertEquals(
                "payment_in_progress",
                http().get("/api/checkouts/" + id).json().get("status").asText());
        assertEquals(
                "payment_in_progress",
                http().get("/api/checkouts?status=payment_in_progress")
                        .json()
                        .get(0)
                        .get("status")
                        .asText());
        s.completeBankTransfer(id);
        JsonNode c = http().get("/api/checkouts/" + id).json();
        assertEquals("paid", c.get("status").asText());
        assertEquals("bank_transfer_receiver", c.at("/payment_method/type").asText());
        assertEquals(
                List.of(
                        "bank_transfer_intent.pending",
                        "intent.pending",
                        "bank_transfer_intent.succeeded",
                        "intent.succeeded"),
                types(s));
        JsonNode pending = json(s.events("bank_transfer_intent.pending").get(0));
        assertEquals(ba.get("id"), pending.get("id").asText());
        assertEquals("payment_in_progress", pending.at("/checkout/status").asText());
        assertEquals("Acme S.A.", pending.at("/payment/paymentable/tax_name").asText());
        assertTrue(pending.get("bank_reference").isNull());
        JsonNode done = json(s.events("bank_transfer_intent.succeeded").get(0));
        assertEquals("paid", done.at("/checkout/status").asText());
        assertTrue(done.get("bank_reference").isTextual());
        assertEquals("succeeded", s.paymentIntent((String) ba.get("id")).get("status"));
    }

    @Test
    void bankTransferFailure(RecurrenteSandbox s) {
        String id = http().checkout(10000, "GTQ");
        s.startBankTransfer(id);
        s.failBankTransfer(id);
        assertEquals(
                "unpaid",
                http().get("/api/checkouts/" + id).json().get("status").asText());
        assertEquals(
                "unpaid",
                json(s.events("bank_transfer_intent.failed").get(0))
                        .at("/checkout/status")
                        .asText());
        assertEquals(1, s.events("intent.failed").size());
        assertThrows(IllegalStateException.class, () -> s.completeBankTransfer(id));
    }

    @Test
    void recurringCheckoutStartsASubscriptionWithItsLifecycle(RecurrenteSandbox s) {
        String id = http().recurringCheckout(5000);
        s.payCheckout(id, PaymentOptions.defaults().withPayer("fela@example.com", "Fela Kuti"));
        assertEquals(List.of("payment_intent.succeeded", "intent.succeeded", "subscription.create"), types(s));
        JsonNode c = http().get("/api/checkouts/" + id).json();
        String suId = c.at("/payment/paymentable/id").asText();
        assertEquals("Subscription", c.at("/payment/paymentable/type").asText());
        assertTrue(suId.startsWith("su_"));

        JsonNode su = http().get("/api/subscriptions/" + suId).json();
        assertEquals("active", su.get("status").asText());
        assertEquals("Membresia Gold", su.get("description").asText());
        assertEquals("Fela", su.at("/subscriber/first_name").asText());
        assertEquals("Kuti", su.at("/subscriber/last_name").asText());
        assertEquals("fela@example.com", su.at("/subscriber/email").asText());
        assertEquals(id, su.at("/checkout/id").asText());
        assertTrue(su.has("current_period_start") && su.has("current_period_end"));
        JsonNode create = json(s.events("subscription.create").get(0));
        assertEquals(suId, create.get("id").asText());
        assertEquals("fela@example.com", create.get("customer_email").asText());
        assertEquals("Fela Kuti", create.get("customer_name").asText());
        assertEquals("Subscription", create.at("/payment/paymentable/type").asText());
        assertEquals("recurring", create.at("/product/prices/0/charge_type").asText());
        assertEquals(1, http().get("/api/subscriptions").json().size());

        String end = su.get("current_period_end").asText();
        Map<String, Object> renewal = s.renewSubscription(suId);
        assertEquals("succeeded", renewal.get("status"));
        assertEquals(end, s.subscription(suId).get("current_period_start"));
        assertEquals(
                "Subscription",
                json(s.events("payment_intent.succeeded").get(1))
                        .at("/payment/paymentable/type")
                        .asText());

        s.failSubscriptionPayment(suId);
        assertEquals("past_due", s.subscription(suId).get("status"));
        assertEquals(1, s.events("subscription.past_due").size());
        assertEquals(1, s.events("payment_intent.failed").size());
        s.renewSubscription(suId);
        assertEquals("active", s.subscription(suId).get("status"));

        s.pauseSubscription(suId);
        assertEquals("paused", s.subscription(suId).get("status"));
        assertEquals(1, s.events("subscription.paused").size());
        assertThrows(IllegalStateException.class, () -> s.renewSubscription(suId));
        s.unpauseSubscription(suId);
        assertEquals("active", s.subscription(suId).get("status"));
        assertEquals(1, s.events("subscription.unpause").size());

        s.cancelSubscription(suId);
        assertEquals(
                "cancelled",
                http().get("/api/subscriptions/" + suId).json().get("status").asText());
        assertEquals(1, s.events("subscription.cancel").size());
    }

    @Test
    void periodsBeforeAutomaticCancellationEndTheSubscription(RecurrenteSandbox s) {
        String id = http().post(
                        "/api/checkouts",
                        "{\"items\":[{\"name\":\"3 meses\",\"currency\":\"GTQ\",\"amount_in_cents\":5000,"
                                + "\"charge_type\":\"recurring\",\"periods_before_automatic_cancellation\":3}]}")
                .json()
                .get("id")
                .asText();
        s.payCheckout(id);
        String suId = (String) s.checkout(id).get("subscription_id");
        s.renewSubscription(suId);
        assertEquals("active", s.subscription(suId).get("status"));
        s.renewSubscription(suId);
        assertEquals("cancelled", s.subscription(suId).get("status"));
        assertEquals(1, s.events("subscription.cancel").size());
        assertEquals(3, s.events("payment_intent.succeeded").size());
    }

    @Test
    void threeFailedChargesCancelTheSubscription(RecurrenteSandbox s) {
        String id = http().recurringCheckout(5000);
        s.payCheckout(id);
        String suId = (String) s.checkout(id).get("subscription_id");
        s.failSubscriptionPayment(suId);
        s.failSubscriptionPayment(suId);
        assertEquals("past_due", s.subscription(suId).get("status"));
        s.failSubscriptionPayment(suId);
        assertEquals("cancelled", s.subscription(suId).get("status"));
        assertEquals(1, s.events("subscription.past_due").size());
        assertEquals(1, s.events("subscription.cancel").size());
        assertEquals(3, s.events("payment_intent.failed").size());
    }

    @Test
    void subscriptionUpdateAndCancelThroughTheApi(RecurrenteSandbox s) {
        String id = http().recurringCheckout(5000);
        s.payCheckout(id);
        String suId = (String) s.checkout(id).get("subscription_id");
        s.failSubscriptionPayment(suId);

        String setup = http().post(
                        "/api/checkouts",
                        "{\"mode\":\"setup\",\"items\":[{\"currency\":\"GTQ\",\"amount_in_cents\":500}]}")
                .json()
                .get("id")
                .asText();
        s.payCheckout(setup, PaymentOptions.card("5555555555554444"));
        JsonNode setupEvent = json(s.events("setup_intent.succeeded").get(0));
        assertEquals("succeeded", setupEvent.get("status").asText());
        assertEquals("setup_intent.succeeded", setupEvent.get("type").asText());
        assertFalse(setupEvent.has("suscription"), "a card update belongs to no subscription: " + setupEvent);
        String pmId = setupEvent.at("/payment_method/id").asText();
        assertEquals(
                "paid",
                http().get("/api/checkouts/" + setup).json().get("status").asText());

        assertEquals(
                422,
                http().put("/api/subscriptions/" + suId, "{\"payment_method_id\":\"pay_m_nope\"}")
                        .status());
        TestHttp.Resp upd = http().put("/api/subscriptions/" + suId, "{\"payment_method_id\":\"" + pmId + "\"}");
        assertEquals(200, upd.status(), upd.body());
        assertEquals("active", upd.json().get("status").asText());
        assertEquals("4444", upd.json().at("/default_payment_method/card/last4").asText());

        TestHttp.Resp del = http().delete("/api/subscriptions/" + suId);
        assertEquals(200, del.status());
        assertEquals("Suscripción cancelada", del.json().get("message").asText());
        assertEquals("cancelled", s.subscription(suId).get("status"));
    }

    @Test
    void freeTrialEmitsSetupIntentWithTheSuscriptionTypo(RecurrenteSandbox s) {
        String id = http().post(
                        "/api/checkouts",
                        "{\"items\":[{\"name\":\"Trial\",\"currency\":\"GTQ\",\"amount_in_cents\":5000,"
                                + "\"charge_type\":\"recurring\",\"free_trial_interval\":\"month\",\"free_trial_interval_count\":1}]}")
                .json()
                .get("id")
                .asText();
        s.payCheckout(id);
        assertEquals(List.of("setup_intent.succeeded", "subscription.create"), types(s));
        JsonNode ev = json(s.events("setup_intent.succeeded").get(0));
        assertEquals(
                s.checkout(id).get("subscription_id"), ev.at("/suscription/id").asText());
    }

    @Test
    void oneTimePaymentChargesASavedCard(RecurrenteSandbox s) {
        String id = http().checkout(1000, "GTQ");
        s.payCheckout(id);
        String pmId = http().get("/api/checkouts/" + id)
                .json()
                .at("/payment_method/id")
                .asText();
        s.clearDeliveries();
        TestHttp.Resp r = http().post(
                        "/api/one_time_payments",
                        "{\"payment_method_id\":\"" + pmId
                                + "\",\"items\":[{\"currency\":\"GTQ\",\"amount_in_cents\":3000,\"name\":\"Banana\"}]}");
        assertEquals(201, r.status(), r.body());
        assertTrue(r.json().get("id").asText().startsWith("on_"));
        assertEquals("paid", r.json().get("status").asText());
        assertEquals(List.of("payment_intent.succeeded", "intent.succeeded"), types(s));
        assertEquals(3000, json(s.events().get(0)).get("amount_in_cents").asLong());
        assertEquals(
                422,
                http().post(
                                "/api/one_time_payments",
                                "{\"payment_method_id\":\"pay_m_nope\",\"items\":[{\"currency\":\"GTQ\",\"amount_in_cents\":3000}]}")
                        .status());
        assertEquals(
                422,
                http().post("/api/one_time_payments", "{\"payment_method_id\":\"" + pmId + "\"}")
                        .status());
    }

    @Test
    void refundsByPaymentIntentOrUnifiedIntent(RecurrenteSandbox s) {
        String id = http().checkout(2500, "GTQ");
        String paId = (String) s.payCheckout(id).get("id");
        TestHttp.Resp partial =
                http().post("/api/refunds", "{\"payment_intent_id\":\"" + paId + "\",\"amount_in_cents\":1000}");
        assertEquals(200, partial.status(), partial.body());
        assertTrue(partial.json().get("id").asText().startsWith("re_"));
        assertEquals(
                1000, partial.json().get("customer_refunded_amount_in_cents").asLong());
        assertEquals("succeeded", partial.json().get("status").asText());
        String inId = (String) s.checkout(id).get("intent_id");
        TestHttp.Resp rest = http().post("/api/refunds", "{\"intent_id\":\"" + inId + "\"}");
        assertEquals(200, rest.status(), rest.body());
        assertEquals(1500, rest.json().get("customer_refunded_amount_in_cents").asLong());
        assertEquals(
                422,
                http().post("/api/refunds", "{\"payment_intent_id\":\"" + paId + "\"}")
                        .status());
        assertEquals(
                404,
                http().post("/api/refunds", "{\"payment_intent_id\":\"pa_nope\"}")
                        .status());
        JsonNode got =
                http().get("/api/refunds/" + rest.json().get("id").asText()).json();
        assertEquals("GTQ", got.get("currency").asText());
        assertEquals(2, s.events("refund.create").size());
        assertEquals(
                rest.json().get("id").asText(),
                json(s.events("refund.create").get(1)).at("/refund/id").asText());

        String full = http().checkout(2500, "GTQ");
        String pa2 = (String) s.payCheckout(full).get("id");
        TestHttp.Resp fullRefund = http().post("/api/refunds", "{\"payment_intent_id\":\"" + pa2 + "\"}");
        assertEquals(
                2500, fullRefund.json().get("customer_refunded_amount_in_cents").asLong());
        assertEquals(
                2187, fullRefund.json().get("account_refunded_amount_in_cents").asLong());
    }

    @Test
    void taxInvoiceUrlOnlyOnSucceededIntents(RecurrenteSandbox s) {
        String id = http().checkout(5000, "GTQ");
        String failed = (String) s.payCheckout(id, PaymentOptions.card(PaymentOptions.DECLINED_CARD))
                .get("id");
        assertEquals(
                422,
                http().patch(
                                "/api/payment_intents/" + failed,
                                "{\"payment_intent\":{\"tax_invoice_url\":\"https://x\"}}")
                        .status());
        String paId = (String) s.payCheckout(id).get("id");
        TestHttp.Resp r = http().patch(
                        "/api/payment_intents/" + paId,
                        "{\"payment_intent\":{\"tax_invoice_url\":\"https://example.com/factura123\"}}");
        assertEquals(200, r.status(), r.body());
        assertEquals(paId, r.json().get("id").asText());
        assertEquals(
                "https://example.com/factura123",
                r.json().get("tax_invoice_url").asText());
        assertEquals(id, r.json().at("/checkout/id").asText());
        assertEquals("2024-04-24", r.json().get("api_version").asText());
        assertEquals("https://example.com/factura123", s.paymentIntent(paId).get("tax_invoice_url"));
        TestHttp.Resp put = http().put(
                        "/api/payment_intents/" + paId,
                        "{\"payment_intent\":{\"tax_invoice_url\":\"https://example.com/f2\"}}");
        assertEquals(200, put.status());
        assertEquals("https://example.com/f2", s.paymentIntent(paId).get("tax_invoice_url"));
        assertEquals(
                422,
                http().put("/api/payment_intents/" + paId, "{\"tax_invoice_url\":\"unwrapped\"}")
                        .status());
    }

    @Test
    void unifiedEventsCanBeSwitchedOff(RecurrenteSandbox s) {
        s.setUnifiedEvents(false);
        try {
            s.payCheckout(http().checkout(1000, "GTQ"));
            assertEquals(List.of("payment_intent.succeeded"), types(s));
            s.setLegacyEvents(false);
            s.setUnifiedEvents(true);
            s.payCheckout(http().checkout(1000, "GTQ"));
            assertEquals(List.of("payment_intent.succeeded", "intent.succeeded"), types(s));
        } finally {
            s.setUnifiedEvents(true);
            s.setLegacyEvents(true);
        }
    }

    @Test
    void connectedAccountEventsCarryTheAccountId(RecurrenteSandbox s) {
        String id = http().post(
                        "/api/checkouts",
                        "{\"items\":[{\"currency\":\"GTQ\",\"amount_in_cents\":3000}],\"custom_account_id\":\"ac_123456\"}")
                .json()
                .get("id")
                .asText();
        s.payCheckout(id);
        JsonNode ev = json(s.events("payment_intent.succeeded").get(0));
        assertTrue(ev.get("connected").asBoolean());
        assertEquals("ac_123456", ev.get("account_id").asText());
    }

    @Test
    void transfers() {
        TestHttp.Resp r = http().post(
                        "/api/transfers",
                        "{\"currency\":\"GTQ\",\"amount_in_cents\":100,\"recipient_id\":\"recurrente\"}");
        assertEquals(200, r.status(), r.body());
        assertTrue(r.json().get("id").asText().startsWith("tr_"));
        assertEquals("completed", r.json().get("status").asText());
        assertEquals(
                422,
                http().post("/api/transfers", "{\"currency\":\"EUR\",\"amount_in_cents\":100,\"recipient_id\":\"x\"}")
                        .status());
        assertEquals(
                422,
                http().post("/api/transfers", "{\"currency\":\"GTQ\",\"amount_in_cents\":100}")
                        .status());
    }

    @Test
    void terminalCommandsAreIdempotentOnExternalId(RecurrenteSandbox s) {
        String body =
                "{\"terminal_id\":\"term_1\",\"external_id\":\"order-1\",\"amount_in_cents\":5000,\"currency\":\"GTQ\"}";
        TestHttp.Resp first = http().post("/api/terminal_session_commands", body);
        assertEquals(201, first.status(), first.body());
        assertEquals("pending", first.json().get("status").asText());
        String checkoutId = first.json().get("checkout_id").asText();
        assertTrue(checkoutId.startsWith("ch_"));
        TestHttp.Resp again = http().post("/api/terminal_session_commands", body);
        assertEquals(200, again.status());
        assertEquals(first.json().get("id").asText(), again.json().get("id").asText());
        TestHttp.Resp second = http().post(
                        "/api/terminal_session_commands",
                        "{\"terminal_id\":\"term_1\",\"external_id\":\"order-2\",\"amount\":12.5}");
        assertEquals(201, second.status(), second.body());
        assertEquals(1250, second.json().get("amount_in_cents").asLong());
        assertEquals(
                "superseded",
                http().post("/api/terminal_session_commands", body)
                        .json()
                        .get("status")
                        .asText());
        s.payCheckout(checkoutId);
        assertEquals(
                "order-1",
                json(s.events("payment_intent.succeeded").get(0))
                        .at("/checkout/metadata/external_id")
                        .asText());
    }
}
