package io.github.camelrecurrente.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Behaviours that no Recurrente document shows are not emulated: code that works against the sandbox must not work
 * only because the sandbox invented something. Each test names the behaviour it removed and the documentation it
 * follows instead.
 */
class NothingInventedTest {

    @RegisterExtension
    static RecurrenteSandboxExtension ext = RecurrenteSandboxExtension.of(RecurrenteSandbox.builder()
            .webhookRetrySchedule(Duration.ZERO, Duration.ofMillis(200))
            .webhookTimeout(Duration.ofSeconds(2)));

    @AfterEach
    void documentedAgain() {
        ext.sandbox().setExtendedFields(false);
    }

    private static TestHttp http() {
        return new TestHttp(ext.sandbox());
    }

    private static JsonNode event(String type) {
        List<WebhookEvent> events = ext.sandbox().events(type);
        assertFalse(events.isEmpty(), "no " + type + " event");
        try {
            return TestHttp.MAPPER.readTree(events.get(events.size() - 1).body());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * The payment ({@code payment.id}) is an object of its own, never the payment intent: in the documented
     * {@code payment_intent.succeeded} the event is {@code pa_id123} and its {@code checkout.payment.id}
     * {@code pa_laybj3zw}; in "Get all checkouts" {@code payment.id pa_ttfeprgn} sits next to
     * {@code latest_intent.id pa_123}. So a payment id is refused where a payment intent id is expected.
     */
    @Test
    void thePaymentIsNotThePaymentIntent() {
        String checkout = http().checkout(10_000, "GTQ");
        String intent = (String) ext.sandbox().payCheckout(checkout).get("id");
        JsonNode c = http().get("/api/checkouts/" + checkout).json();
        String payment = c.at("/payment/id").asText();
        assertTrue(payment.startsWith("pa_"), payment);
        assertNotEquals(intent, payment, "checkout.payment.id is not the payment intent");
        assertEquals(intent, c.at("/latest_intent/id").asText(), "the checkout names its payment intent here");

        JsonNode ev = event("payment_intent.succeeded");
        assertEquals(intent, ev.get("id").asText());
        assertEquals(payment, ev.at("/payment/id").asText());
        assertEquals(payment, ev.at("/checkout/payment/id").asText());
        assertEquals(payment, event("intent.succeeded").at("/payment/id").asText());

        assertEquals(
                404,
                http().patch(
                                "/api/payment_intents/" + payment,
                                "{\"payment_intent\":{\"tax_invoice_url\":\"https://fel.example/1\"}}")
                        .status(),
                "a payment id is not a payment intent");
        assertEquals(
                404,
                http().post("/api/refunds", "{\"payment_intent_id\":\"" + payment + "\"}")
                        .status());
        assertEquals(
                200,
                http().patch(
                                "/api/payment_intents/" + intent,
                                "{\"payment_intent\":{\"tax_invoice_url\":\"https://fel.example/1\"}}")
                        .status());

        // a subscription's events name the payment of its charge, not the charge's payment intent
        String recurring = http().recurringCheckout(5000);
        String first = (String) ext.sandbox().payCheckout(recurring).get("id");
        JsonNode created = event("subscription.create");
        assertNotEquals(first, created.at("/payment/id").asText());
        assertEquals(
                http().get("/api/checkouts/" + recurring)
                        .json()
                        .at("/payment/id")
                        .asText(),
                created.at("/payment/id").asText());
        String renewal = (String)
                ext.sandbox().renewSubscription(created.get("id").asText()).get("id");
        assertNotEquals(
                renewal, event("payment_intent.succeeded").at("/payment/id").asText());
    }

    /**
     * "Update a payment intent" and "Create a refund" take a payment intent ({@code pa_...}); no document shows them
     * taking a bank transfer ({@code ba_...}), and refunds are card or balance only (notes §3.3). No document shows the
     * fee of a bank transfer either: unknown, never the card fee.
     */
    @Test
    void aBankTransferIsNoPaymentIntent() {
        String checkout = http().checkout(25_000, "GTQ");
        ext.sandbox().startBankTransfer(checkout);
        String ba = (String) ext.sandbox().completeBankTransfer(checkout).get("id");
        assertTrue(ba.startsWith("ba_"), ba);

        TestHttp.Resp patch = http().patch(
                        "/api/payment_intents/" + ba,
                        "{\"payment_intent\":{\"tax_invoice_url\":\"https://fel.example/2\"}}");
        assertEquals(404, patch.status(), patch.body());
        TestHttp.Resp refund = http().post("/api/refunds", "{\"payment_intent_id\":\"" + ba + "\"}");
        assertEquals(422, refund.status(), refund.body());
        assertTrue(refund.json().at("/errors/payment_intent_id/0").asText().contains("transferencia"), refund.body());
        String unified = event("intent.succeeded").get("id").asText();
        assertEquals(
                422,
                http().post("/api/refunds", "{\"intent_id\":\"" + unified + "\"}")
                        .status(),
                "not through its unified intent either");

        assertNull(ext.sandbox().paymentIntent(ba).get("fee"), "no documented fee for a bank transfer");
        ext.sandbox().setExtendedFields(true);
        assertTrue(http().get("/api/intents/" + unified).json().get("fee").isNull());
    }

    /**
     * The documented {@code latest_intent} is a card payment intent ({@code type: "PaymentIntent"}); no document shows
     * the latest intent of a bank transfer ({@code BankTransferIntent} was ours) or of a checkout that only saves a
     * card ({@code SetupIntent} was ours), so those checkouts show none.
     */
    @Test
    void onlyCardPaymentIntentsAreShownAsLatestIntent() {
        String transfer = http().checkout(25_000, "GTQ");
        ext.sandbox().startBankTransfer(transfer);
        assertTrue(http().get("/api/checkouts/" + transfer)
                .json()
                .get("latest_intent")
                .isNull());
        assertTrue(event("bank_transfer_intent.pending")
                        .at("/checkout/latest_intent")
                        .isMissingNode()
                || event("bank_transfer_intent.pending")
                        .at("/checkout/latest_intent")
                        .isNull());
        ext.sandbox().completeBankTransfer(transfer);
        assertTrue(http().get("/api/checkouts/" + transfer)
                .json()
                .get("latest_intent")
                .isNull());

        TestHttp.Resp setup = http().post("/api/checkouts", "{\"mode\":\"setup\"}");
        assertEquals(201, setup.status(), setup.body());
        String setupId = setup.json().get("id").asText();
        ext.sandbox().payCheckout(setupId);
        JsonNode saved = http().get("/api/checkouts/" + setupId).json();
        assertEquals("paid", saved.get("status").asText());
        assertTrue(saved.get("latest_intent").isNull(), saved.toString());

        String card = http().checkout(10_000, "GTQ");
        ext.sandbox().payCheckout(card);
        assertEquals(
                "PaymentIntent",
                http().get("/api/checkouts/" + card)
                        .json()
                        .at("/latest_intent/type")
                        .asText());
    }

    /**
     * The checkout inside an event carries what the documented sample of that event shows: {@code payment_intent.failed}
     * its id only, {@code bank_transfer_intent.*} no {@code live_mode} and no {@code latest_intent} (those two are
     * known from a live {@code payment_intent.succeeded} only).
     */
    @Test
    void eventCheckoutsCarryWhatTheirDocumentedSampleShows() {
        String declined = http().post(
                        "/api/checkouts",
                        "{\"items\":[{\"name\":\"A\",\"currency\":\"GTQ\",\"amount_in_cents\":1000}],"
                                + "\"metadata\":{\"order\":\"7\"}}")
                .json()
                .get("id")
                .asText();
        ext.sandbox().payCheckout(declined, PaymentOptions.card("4000000000000002"));
        assertEquals(Set.of("id"), names(event("payment_intent.failed").get("checkout")));

        String transfer = http().checkout(25_000, "GTQ");
        ext.sandbox().startBankTransfer(transfer);
        assertEquals(
                Set.of("id", "status", "payment", "payment_method", "transfer_setups", "metadata"),
                names(event("bank_transfer_intent.pending").get("checkout")));

        ext.sandbox().payCheckout(http().checkout(1000, "GTQ"));
        assertTrue(
                names(event("payment_intent.succeeded").get("checkout")).containsAll(Set.of("live_mode", "metadata")));
    }

    /** "eliminar cupones": a deleted coupon is gone; no document shows it listed (or archived) afterwards. */
    @Test
    void aDeletedCouponIsNotListed() {
        String id = http().post("/api/coupons", "{\"coupon\":{\"name\":\"VERANO25\",\"percent_off\":10}}")
                .json()
                .get("id")
                .asText();
        assertEquals(200, http().delete("/api/coupons/" + id).status());
        assertEquals(0, http().get("/api/coupons").json().size());
        assertEquals(404, http().get("/api/coupons/" + id).status());
    }

    /** "Delete a product" answers {@code deleted}; no document shows an archived product afterwards. */
    @Test
    void aDeletedProductIsNotShown() {
        String id = http().post("/api/products", """
                        {"product":{"name":"Plan","prices_attributes":[
                         {"amount_in_cents":1000,"currency":"GTQ","charge_type":"one_time"}]}}""").json().get("id").asText();
        assertEquals(
                "deleted",
                http().delete("/api/products/" + id).json().get("status").asText());
        assertEquals(0, http().get("/api/products").json().size());
        assertEquals(404, http().get("/api/products/" + id).status());
    }

    /** {@code mode: "setup"} is the only documented mode; {@code "payment"} (ours) is refused, and never shown. */
    @Test
    void onlyTheDocumentedModeIsAccepted() {
        TestHttp.Resp payment = http().post(
                        "/api/checkouts",
                        "{\"mode\":\"payment\",\"items\":[{\"name\":\"A\",\"currency\":\"GTQ\",\"amount_in_cents\":1000}]}");
        assertEquals(422, payment.status(), payment.body());
        assertTrue(payment.json().at("/errors/mode/0").isTextual(), payment.body());
        assertEquals(201, http().post("/api/checkouts", "{\"mode\":\"setup\"}").status());

        ext.sandbox().setExtendedFields(true);
        String plain = http().checkout(1000, "GTQ");
        assertTrue(http().get("/api/checkouts/" + plain).json().get("mode").isNull(), "no invented default mode");
    }

    /** A transfer setup carries the documented {@code amount_in_cents} and {@code recipient_id}, nothing more. */
    @Test
    void transferSetupsCarryTheDocumentedFieldsOnly() {
        String id = http().post("/api/checkouts", """
                        {"items":[{"currency":"GTQ","amount_in_cents":3000}],"custom_account_id":"ac_123456",
                         "transfer_setups":[{"amount_in_cents":100,"recipient_id":"ac_654321"}]}""").json().get("id").asText();
        JsonNode setup = http().get("/api/checkouts/" + id).json().at("/transfer_setups/0");
        assertEquals(Set.of("amount_in_cents", "recipient_id"), names(setup));
        assertEquals(100, setup.get("amount_in_cents").asInt());
        assertEquals("ac_654321", setup.get("recipient_id").asText());
    }

    /**
     * {@code has_dynamic_pricing} appears on the product of the documented subscription events only, not in the
     * product answers ("Create a product", "Get all products", "Update a product", the payment intent's products).
     */
    @Test
    void productAnswersCarryTheFieldsOfTheProductExamples() {
        JsonNode product = http().post("/api/products", """
                        {"product":{"name":"Plan","prices_attributes":[
                         {"amount_in_cents":1000,"currency":"GTQ","charge_type":"recurring","billing_interval":"month"}]}}""").json();
        assertFalse(product.has("has_dynamic_pricing"), product.toString());
        assertFalse(http().get("/api/products").json().get(0).has("has_dynamic_pricing"));
        String checkout = http().post(
                        "/api/checkouts",
                        "{\"items\":[{\"product_id\":\"" + product.get("id").asText() + "\"}]}")
                .json()
                .get("id")
                .asText();
        ext.sandbox().payCheckout(checkout);
        assertTrue(event("subscription.create").at("/product").has("has_dynamic_pricing"));
    }

    /**
     * One endpoint, one secret (notes §2.1: "one endpoint = one secret"): every endpoint gets its own signing secret,
     * and each delivery verifies with its endpoint's secret only.
     */
    @Test
    void everyEndpointSignsWithItsOwnSecret() throws Exception {
        try (WebhookReceiver a = new WebhookReceiver();
                WebhookReceiver b = new WebhookReceiver()) {
            String secretA = register(a);
            String secretB = register(b);
            assertNotEquals(secretA, secretB);
            ext.sandbox().payCheckout(http().checkout(1000, "GTQ"));
            ext.sandbox().awaitDeliveries(4, Duration.ofSeconds(10));
            for (WebhookReceiver.Received m : a.received()) {
                assertTrue(verifies(secretA, m));
                assertFalse(verifies(secretB, m), "not with another endpoint's secret");
            }
            for (WebhookReceiver.Received m : b.received()) {
                assertTrue(verifies(secretB, m));
                assertFalse(verifies(secretA, m), "not with another endpoint's secret");
            }
            assertEquals(2, a.received().size());
            assertEquals(2, b.received().size());
        }
    }

    private static String register(WebhookReceiver receiver) {
        TestHttp.Resp r = http().post("/api/webhook_endpoints", "{\"url\":\"" + receiver.url() + "\"}");
        assertEquals(201, r.status(), r.body());
        return r.json().get("signingSecret").asText();
    }

    /** Independent Svix verification (not the sandbox's signer). */
    private static boolean verifies(String secret, WebhookReceiver.Received m) throws Exception {
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        String signed = m.header("svix-id") + "." + m.header("svix-timestamp") + "." + m.bodyText();
        String expected =
                "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        for (String candidate : m.header("svix-signature").split(" ")) {
            if (candidate.equals(expected)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> names(JsonNode n) {
        Set<String> out = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            out.add(it.next().getKey());
        }
        return out;
    }
}
