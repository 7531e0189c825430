package io.github.camelrecurrente.sandbox;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What goes on the wire by default is what the Recurrente documentation (or the best public evidence) shows, checked
 * field by field against the documented samples over real loopback HTTP; the richer shapes of earlier versions only
 * come back with the explicit {@code extendedFields} switch.
 */
class DocumentedShapesTest {

    @RegisterExtension
    static RecurrenteSandboxExtension ext = RecurrenteSandboxExtension.create();

    @AfterEach
    void documentedAgain() {
        ext.sandbox().setExtendedFields(false);
    }

    private static TestHttp http() {
        return new TestHttp(ext.sandbox());
    }

    private static JsonNode json(WebhookEvent e) {
        try {
            return TestHttp.MAPPER.readTree(e.body());
        } catch (IOException ex) {
            throw new AssertionError(ex);
        }
    }

    private static JsonNode onlyEvent(String type) {
        List<WebhookEvent> events = ext.sandbox().events(type);
        assertEquals(1, events.size(), type + " events: " + events);
        return json(events.get(0));
    }

    private static List<String> fields(JsonNode n) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }

    /** Every field of {@code n} is one of {@code allowed}, and every one of {@code required} is there. */
    private static void assertShape(JsonNode n, Set<String> allowed, Set<String> required) {
        for (String f : fields(n)) {
            assertTrue(allowed.contains(f), "undocumented field '" + f + "' on the wire: " + n);
        }
        for (String f : required) {
            assertTrue(n.has(f), "documented field '" + f + "' missing: " + n);
        }
    }

    private static String product() {
        TestHttp.Resp r = http().post("/api/products", """
                {"product":{"name":"Plan","image_url":"https://img.example/p.png","adjustable_quantity":false,
                 "prices_attributes":[{"amount_in_cents":1000,"currency":"GTQ","charge_type":"one_time"}]}}""");
        assertEquals(201, r.status(), r.body());
        return r.json().get("id").asText();
    }

    @Test
    void productsCouponsAndCustomersCarryNoUndocumentedTimestamps() {
        Set<String> product = Set.of(
                "id",
                "status",
                "name",
                "description",
                "success_url",
                "cancel_url",
                "custom_terms_and_conditions",
                "phone_requirement",
                "address_requirement",
                "billing_info_requirement",
                "prices",
                "storefront_link",
                "metadata",
                "has_dynamic_pricing");
        String productId = product();
        assertShape(http().get("/api/products/" + productId).json(), product, Set.of("id", "prices", "status"));
        assertShape(http().get("/api/products").json().get(0), product, Set.of("id"));

        TestHttp.Resp coupon = http().post("/api/coupons", "{\"coupon\":{\"name\":\"VERANO\",\"percent_off\":10}}");
        Set<String> couponFields = Set.of(
                "id",
                "name",
                "amount_off_in_cents",
                "percent_off",
                "max_redemptions",
                "currency",
                "duration",
                "expires_at",
                "status");
        assertShape(coupon.json(), couponFields, couponFields);
        assertShape(http().get("/api/coupons").json().get(0), couponFields, couponFields);

        TestHttp.Resp customer = http().post("/api/customers", "{\"email\":\"ana@example.com\",\"full_name\":\"Ana\"}");
        Set<String> customerFields = Set.of("id", "user_id", "email", "name", "phone", "address", "nit", "metadata");
        assertShape(customer.json(), customerFields, customerFields);
        assertShape(http().get("/api/customers").json().get("customers").get(0), customerFields, customerFields);

        ext.sandbox().setExtendedFields(true);
        assertTrue(http().get("/api/products/" + productId).json().has("created_at"));
        assertTrue(http().get("/api/products/" + productId).json().has("adjustable_quantity"));
        assertTrue(http().get("/api/coupons").json().get(0).has("times_redeemed"));
        assertTrue(http().get("/api/customers/" + customer.json().get("id").asText())
                .json()
                .has("updated_at"));
    }

    @Test
    void decimalPercentOffIsAcceptedAsTheReferenceShowsIt() {
        TestHttp.Resp r = http().post("/api/coupons", "{\"coupon\":{\"name\":\"UNO\",\"percent_off\":1.1}}");
        assertEquals(201, r.status(), r.body());
        assertEquals("1.1", r.json().get("percent_off").asText());
        assertTrue(r.json().get("percent_off").isNumber());
        TestHttp.Resp text = http().post("/api/coupons", "{\"coupon\":{\"name\":\"DIEZ\",\"percent_off\":\"10.0\"}}");
        assertEquals(201, text.status(), text.body());
        assertTrue(text.json().get("percent_off").isIntegralNumber(), text.body());
        assertEquals(10, text.json().get("percent_off").asInt());
        for (String bad : new String[] {"0", "100.5", "-1", "\"mucho\""}) {
            TestHttp.Resp rejected =
                    http().post("/api/coupons", "{\"coupon\":{\"name\":\"X\",\"percent_off\":" + bad + "}}");
            assertEquals(422, rejected.status(), bad + " -> " + rejected.body());
            assertTrue(
                    rejected.json().at("/errors/percent_off/0").asText().contains("100")
                            || rejected.json()
                                    .at("/errors/percent_off/0")
                                    .asText()
                                    .contains("número"),
                    rejected.body());
        }
    }

    @Test
    void customerLookupByUserIdAsDocumented() {
        JsonNode created = http().post("/api/customers", "{\"email\":\"luis@example.com\"}")
                .json();
        String userId = created.get("user_id").asText();
        TestHttp.Resp byUser = http().get("/api/customers/lookup?user_id=" + userId);
        assertEquals(200, byUser.status(), byUser.body());
        assertEquals(created.get("id").asText(), byUser.json().get("id").asText());
        TestHttp.Resp byId = http().get("/api/customers/" + created.get("id").asText());
        assertEquals(userId, byId.json().get("user_id").asText());
        TestHttp.Resp unknown = http().get("/api/customers/x?user_id=us_nadie");
        assertEquals(404, unknown.status(), unknown.body());
        assertTrue(unknown.body().contains("us_nadie"), unknown.body());
        // the list documents no filters: user_id there only works with extended fields
        http().post("/api/customers", "{\"email\":\"otra@example.com\"}");
        assertEquals(
                2,
                http().get("/api/customers?user_id=" + userId)
                        .json()
                        .get("customers")
                        .size());
        ext.sandbox().setExtendedFields(true);
        assertEquals(
                1,
                http().get("/api/customers?user_id=" + userId)
                        .json()
                        .get("customers")
                        .size());
    }

    @Test
    void paymentEventsAndAnswersCarryOnlyDocumentedFields(RecurrenteSandbox s) {
        String checkout = http().post(
                        "/api/checkouts",
                        "{\"items\":[{\"name\":\"Banana\",\"currency\":\"GTQ\",\"amount_in_cents\":10000}],"
                                + "\"metadata\":{\"order\":\"A-7\"},\"custom_account_id\":\"ac_1\"}")
                .json()
                .get("id")
                .asText();
        String pa = (String) s.payCheckout(checkout).get("id");

        JsonNode legacy = onlyEvent("payment_intent.succeeded");
        assertShape(
                legacy,
                Set.of(
                        "id",
                        "event_type",
                        "api_version",
                        "checkout",
                        "created_at",
                        "failure_reason",
                        "amount_in_cents",
                        "currency",
                        "fee",
                        "vat_withheld",
                        "vat_withheld_currency",
                        "customer",
                        "customer_id",
                        "payment",
                        "product",
                        "products",
                        "invoice",
                        "tax_invoice_url",
                        "used_presaved_payment_method",
                        "connected",
                        "account_id"),
                Set.of("id", "event_type", "checkout", "amount_in_cents", "invoice"));
        assertFalse(legacy.has("metadata"), "metadata belongs to checkout.metadata: " + legacy);
        assertFalse(legacy.has("user_id"), legacy.toString());
        assertEquals("A-7", legacy.at("/checkout/metadata/order").asText());
        assertShape(
                legacy.get("checkout"),
                Set.of(
                        "id",
                        "status",
                        "payment",
                        "payment_method",
                        "transfer_setups",
                        "metadata",
                        "live_mode",
                        "latest_intent"),
                Set.of("id", "status", "metadata"));
        assertTrue(legacy.get("connected").asBoolean());

        JsonNode unified = onlyEvent("intent.succeeded");
        assertShape(
                unified,
                Set.of(
                        "event_type",
                        "api_version",
                        "type",
                        "id",
                        "status",
                        "raw_status",
                        "amount_in_cents",
                        "currency",
                        "customer",
                        "product",
                        "checkout",
                        "payment",
                        "details",
                        "connected",
                        "account_id"),
                Set.of("type", "id", "status", "raw_status", "payment", "details"));
        assertShape(unified.get("details"), Set.of("failure_reason", "bank_reference", "sender_comment"), Set.of());
        String in = unified.get("id").asText();
        JsonNode got = http().get("/api/intents/" + in).json();
        assertFalse(got.has("legacy_intent_id") || got.has("created_at") || got.has("fee"), got.toString());
        assertFalse(got.at("/details").has("auth_code"), got.toString());

        TestHttp.Resp patched = http().put(
                        "/api/payment_intents/" + pa,
                        "{\"payment_intent\":{\"tax_invoice_url\":\"https://fel.example/1.pdf\"}}");
        assertEquals(200, patched.status(), patched.body());
        assertShape(
                patched.json(),
                Set.of(
                        "id",
                        "checkout",
                        "api_version",
                        "created_at",
                        "failure_reason",
                        "customer_id",
                        "amount_in_cents",
                        "currency",
                        "fee",
                        "vat_withheld",
                        "vat_withheld_currency",
                        "product",
                        "products",
                        "customer",
                        "payment",
                        "tax_invoice_url",
                        "receipt_number"),
                Set.of("id", "tax_invoice_url", "amount_in_cents"));

        ext.sandbox().setExtendedFields(true);
        JsonNode extended = http().get("/api/intents/" + in).json();
        assertTrue(extended.has("legacy_intent_id") && extended.at("/details").has("auth_code"), extended.toString());
        assertTrue(http().put("/api/payment_intents/" + pa, "{\"payment_intent\":{\"tax_invoice_url\":null}}")
                .json()
                .has("intent_id"));
    }

    @Test
    void bankTransfersIntentListsAndTerminalCommandsCarryOnlyDocumentedFields(RecurrenteSandbox s) {
        String checkout = http().post(
                        "/api/checkouts",
                        "{\"items\":[{\"name\":\"Curso\",\"currency\":\"GTQ\",\"amount_in_cents\":20000}],"
                                + "\"metadata\":{\"order\":\"B-1\"}}")
                .json()
                .get("id")
                .asText();
        s.startBankTransfer(checkout);
        s.completeBankTransfer(checkout);
        Set<String> bankTransfer = Set.of(
                "id",
                "event_type",
                "api_version",
                "created_at",
                "customer_id",
                "customer",
                "amount_in_cents",
                "currency",
                "product",
                "checkout",
                "payment",
                "bank_reference",
                "sender_comment",
                "tax_invoice_url",
                "connected",
                "account_id");
        JsonNode pending = onlyEvent("bank_transfer_intent.pending");
        assertShape(pending, bankTransfer, Set.of("id", "checkout", "payment", "amount_in_cents"));
        assertTrue(pending.get("bank_reference").isNull(), pending.toString());
        JsonNode succeeded = onlyEvent("bank_transfer_intent.succeeded");
        assertShape(succeeded, bankTransfer, Set.of("id", "checkout", "bank_reference"));
        assertEquals("B-1", succeeded.at("/checkout/metadata/order").asText());
        assertEquals(
                "bank_transfer_receiver",
                succeeded.at("/checkout/payment_method/type").asText());

        // one bare array, the undocumented status filter ignored
        JsonNode intents = http().get("/api/intents?status=failed").json();
        assertEquals(1, intents.size(), intents.toString());
        assertEquals("succeeded", intents.get(0).get("status").asText());
        assertFalse(intents.get(0).has("created_at"), intents.toString());
        JsonNode checkouts = http().get("/api/checkouts").json();
        assertFalse(checkouts.get(0).has("updated_at") || checkouts.get(0).has("checkout_url"), checkouts.toString());

        TestHttp.Resp command = http().post(
                        "/api/terminal_session_commands",
                        "{\"terminal_id\":\"term_1\",\"external_id\":\"pos-1\",\"amount_in_cents\":1500}");
        assertEquals(201, command.status(), command.body());
        Set<String> commandFields = Set.of(
                "id",
                "external_id",
                "status",
                "terminal_id",
                "amount_in_cents",
                "currency",
                "checkout_id",
                "checkout_url");
        assertShape(command.json(), commandFields, commandFields);
    }

    @Test
    void subscriptionEventsCarryTheCheckoutMetadataAndNoInventedStatus(RecurrenteSandbox s) {
        String checkout = http().recurringCheckout(5000);
        s.payCheckout(checkout);
        JsonNode create = onlyEvent("subscription.create");
        assertShape(
                create,
                Set.of(
                        "api_version",
                        "created_at",
                        "customer_email",
                        "customer_id",
                        "customer_name",
                        "event_type",
                        "id",
                        "payment",
                        "product",
                        "checkout",
                        "connected",
                        "account_id"),
                Set.of("id", "event_type", "product", "payment", "checkout"));
        assertEquals(checkout, create.at("/checkout/id").asText());
        assertEquals("42", create.at("/checkout/metadata/order").asText());
        assertFalse(create.get("product").has("created_at"), create.toString());

        String su = create.get("id").asText();
        assertShape(
                http().get("/api/subscriptions/" + su).json(),
                Set.of(
                        "id",
                        "description",
                        "status",
                        "created_at",
                        "updated_at",
                        "current_period_start",
                        "current_period_end",
                        "tax_name",
                        "tax_id",
                        "resumes_on",
                        "next_payment_attempt_at",
                        "payment_retries",
                        "default_payment_method",
                        "subscriber",
                        "checkout",
                        "product"),
                Set.of("id", "status", "subscriber", "checkout", "product"));
        s.pauseSubscription(su);
        assertEquals(
                "42",
                onlyEvent("subscription.paused").at("/checkout/metadata/order").asText());
    }

    @Test
    void refundCreateIsThinSoConsumersFetchTheRefund(RecurrenteSandbox s) {
        String checkout = http().post(
                        "/api/checkouts",
                        "{\"items\":[{\"name\":\"Tabla\",\"currency\":\"GTQ\",\"amount_in_cents\":2500}],"
                                + "\"metadata\":{\"wc_order_id\":\"17\"}}")
                .json()
                .get("id")
                .asText();
        String pa = (String) s.payCheckout(checkout).get("id");
        TestHttp.Resp refund = http().post("/api/refunds", "{\"payment_intent_id\":\"" + pa + "\"}");
        assertEquals(200, refund.status(), refund.body());
        Set<String> refundFields = Set.of(
                "id",
                "status",
                "customer",
                "user_id",
                "account_refunded_amount_in_cents",
                "customer_refunded_amount_in_cents",
                "currency",
                "created_at");
        assertShape(refund.json(), refundFields, refundFields);

        JsonNode event = onlyEvent("refund.create");
        assertEquals(List.of("event_type", "refund", "checkout"), fields(event));
        assertEquals(List.of("id"), fields(event.get("refund")));
        assertEquals("17", event.at("/checkout/metadata/wc_order_id").asText());
        String id = event.at("/refund/id").asText();
        JsonNode fetched = http().get("/api/refunds/" + id).json();
        assertEquals(2500, fetched.get("customer_refunded_amount_in_cents").asLong());
        assertEquals(2500 - 313, fetched.get("account_refunded_amount_in_cents").asLong());
    }

    @Test
    void refundCreateIsThickOnlyWithExtendedFields(RecurrenteSandbox s) {
        s.setExtendedFields(true);
        String checkout = http().checkout(3000, "GTQ");
        String pa = (String) s.payCheckout(checkout).get("id");
        http().post("/api/refunds", "{\"payment_intent_id\":\"" + pa + "\",\"amount_in_cents\":1000}");
        JsonNode event = onlyEvent("refund.create");
        assertEquals(1000, event.get("amount_in_cents").asLong());
        assertEquals(1000, event.at("/refund/customer_refunded_amount_in_cents").asLong());
        assertEquals(pa, event.at("/payment_intent/id").asText());
    }

    @Test
    void theDocumentedCardUpdateFlowSavesTheCardAndUpdatesTheSubscription(RecurrenteSandbox s) {
        String first = http().recurringCheckout(5000);
        s.payCheckout(first);
        String su = (String) s.checkout(first).get("subscription_id");
        s.failSubscriptionPayment(su);

        // step 1 of the update-subscription-card guide: one one_time item of amount 0
        TestHttp.Resp created = http().post("/api/checkouts", """
                {"items":[{"name":"Update payment method","currency":"GTQ","amount_in_cents":0,
                 "charge_type":"one_time"}],"success_url":"https://yoursite.com/card-updated",
                 "cancel_url":"https://yoursite.com/cancelled"}""");
        assertEquals(201, created.status(), created.body());
        String update = created.json().get("id").asText();
        s.clearDeliveries();
        s.payCheckout(update, PaymentOptions.card("5555555555554444"));

        // step 2: setup_intent.succeeded in the guide's shape, nothing charged
        assertEquals(
                List.of("setup_intent.succeeded"),
                s.events().stream().map(WebhookEvent::eventType).toList());
        JsonNode event = onlyEvent("setup_intent.succeeded");
        assertShape(
                event,
                Set.of("id", "api_version", "created_at", "event_type", "type", "status", "payment_method"),
                Set.of("id", "status", "type", "payment_method"));
        assertEquals("setup_intent.succeeded", event.get("type").asText());
        String pm = event.at("/payment_method/id").asText();
        assertTrue(pm.startsWith("pay_m_"), pm);
        assertEquals("4444", event.at("/payment_method/card/last4").asText());
        JsonNode paid = http().get("/api/checkouts/" + update).json();
        assertEquals("paid", paid.get("status").asText());
        assertEquals(pm, paid.at("/payment_method/id").asText());
        assertEquals(0, paid.get("total_in_cents").asLong());

        // step 3: the subscription takes the card; its pending charge is retried at once
        TestHttp.Resp put = http().put("/api/subscriptions/" + su, "{\"payment_method_id\":\"" + pm + "\"}");
        assertEquals(200, put.status(), put.body());
        assertEquals("active", put.json().get("status").asText());
        assertEquals(1, s.events("payment_intent.succeeded").size());
    }

    @Test
    void aSetupCheckoutNeedsNoItemsAndADeclinedCardCancelsTheSetup(RecurrenteSandbox s) {
        TestHttp.Resp created = http().post("/api/checkouts", "{\"mode\":\"setup\"}");
        assertEquals(201, created.status(), created.body());
        String id = created.json().get("id").asText();
        s.payCheckout(id, PaymentOptions.card("4000000000000002"));
        JsonNode cancelled = onlyEvent("setup_intent.cancelled");
        assertEquals("cancelled", cancelled.get("status").asText());
        assertEquals(
                "unpaid",
                http().get("/api/checkouts/" + id).json().get("status").asText());
        assertTrue(s.events("payment_intent.failed").isEmpty());
        s.payCheckout(id);
        assertEquals(1, s.events("setup_intent.succeeded").size());
        assertTrue(http().get("/api/checkouts/" + id)
                .json()
                .at("/payment_method/id")
                .asText()
                .startsWith("pay_m_"));
    }

    @Test
    void zeroAmountsAreOnlyForOneTimeCheckoutItems() {
        TestHttp.Resp recurring = http().post("/api/checkouts", """
                {"items":[{"name":"Plan","currency":"GTQ","amount_in_cents":0,"charge_type":"recurring"}]}""");
        assertEquals(422, recurring.status(), recurring.body());
        assertTrue(recurring.json().at("/errors/amount_in_cents/0").asText().contains("500"), recurring.body());
        TestHttp.Resp small = http().post("/api/checkouts", """
                {"items":[{"name":"Chicle","currency":"GTQ","amount_in_cents":100}]}""");
        assertEquals(422, small.status(), small.body());
        assertTrue(small.json().at("/errors/amount_in_cents/0").asText().contains("o 0"), small.body());
        TestHttp.Resp noItems = http().post("/api/checkouts", "{\"items\":[]}");
        assertEquals(422, noItems.status(), noItems.body());
        assertTrue(noItems.json().at("/errors/items/0").isTextual(), noItems.body());
    }

    @Test
    void extendedFieldsAreASettingOfTheControlApiAndTheCli() throws Exception {
        TestHttp.Resp on = http().post("/sandbox/settings", "{\"extended_fields\":true}");
        assertEquals(200, on.status(), on.body());
        assertTrue(on.json().get("extended_fields").asBoolean());
        assertTrue(ext.sandbox().extendedFields());
        assertEquals(
                false,
                http().post("/sandbox/settings", "{\"extended_fields\":false}")
                        .json()
                        .get("extended_fields")
                        .asBoolean());
        try (RecurrenteSandbox cli = SandboxMain.start(
                new String[] {"--port", "0", "--extended-fields"}, new PrintStream(OutputStream.nullOutputStream()))) {
            assertTrue(cli.extendedFields());
        }
        try (RecurrenteSandbox plain = RecurrenteSandbox.builder().build()) {
            assertFalse(plain.extendedFields());
        }
        assertTrue(SandboxMain.usage().contains("--extended-fields"));
    }
}
