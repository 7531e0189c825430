package io.github.camelrecurrente.component.model.event;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelrecurrente.component.model.Intent;
import io.github.camelrecurrente.component.model.ModelFixtures;
import io.github.camelrecurrente.component.model.RecurrenteJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.github.camelrecurrente.component.model.ModelFixtures.assertSameJson;
import static io.github.camelrecurrente.component.model.ModelFixtures.bytes;
import static io.github.camelrecurrente.component.model.ModelFixtures.toTree;
import static io.github.camelrecurrente.component.model.ModelFixtures.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecurrenteEventsTest {

    private static <T extends RecurrenteEvent> T parse(String fixture, Class<T> type) {
        RecurrenteEvent e = RecurrenteEvents.parse(bytes("webhooks/" + fixture));
        return assertInstanceOf(type, e);
    }

    /** Every webhook fixture: right class, right event type, every field survives re-serialisation. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "payment_intent.succeeded, PaymentIntentEvent, payment_intent.succeeded",
        "payment_intent.failed, PaymentIntentEvent, payment_intent.failed",
        "subscription.create, SubscriptionEvent, subscription.create",
        "subscription.past_due, SubscriptionEvent, subscription.past_due",
        "subscription.paused, SubscriptionEvent, subscription.paused",
        "subscription.cancel, SubscriptionEvent, subscription.cancel",
        "bank_transfer_intent.pending, BankTransferIntentEvent, bank_transfer_intent.pending",
        "bank_transfer_intent.succeeded, BankTransferIntentEvent, bank_transfer_intent.succeeded",
        "bank_transfer_intent.failed, BankTransferIntentEvent, bank_transfer_intent.failed",
        "setup_intent.succeeded, SetupIntentEvent, setup_intent.succeeded",
        "setup_intent.cancelled, SetupIntentEvent, setup_intent.cancelled",
        "synthetic.subscription.pause, SubscriptionEvent, subscription.pause",
        "synthetic.subscription.unpause, SubscriptionEvent, subscription.unpause",
        "synthetic.setup_intent.succeeded.card-update-guide, SetupIntentEvent, setup_intent.succeeded",
        "synthetic.payment_intent.succeeded.live-shape, PaymentIntentEvent, payment_intent.succeeded",
        "synthetic.bank_transfer_intent.succeeded.connected, BankTransferIntentEvent, bank_transfer_intent.succeeded",
        "synthetic.intent.succeeded, IntentEvent, intent.succeeded",
        "synthetic.intent.pending.bank_transfer, IntentEvent, intent.pending",
        "synthetic.intent.failed, IntentEvent, intent.failed",
        "synthetic.balance_intent.succeeded, BalanceIntentEvent, balance_intent.succeeded",
        "synthetic.refund.create, RefundEvent, refund.create"
    })
    void everyFixtureParsesToItsClassAndRoundTrips(String fixture, String simpleClass, String eventType) {
        JsonNode original = tree("webhooks/" + fixture + ".json");
        RecurrenteEvent e = RecurrenteEvents.parse(bytes("webhooks/" + fixture + ".json"));
        assertEquals(simpleClass, e.getClass().getSimpleName());
        assertEquals(eventType, e.getEventType());
        assertEquals(e.getClass(), RecurrenteEvents.typeFor(eventType));
        assertSameJson(original, toTree(e));
        // also through the String and JsonNode overloads
        assertEquals(
                e.getClass(),
                RecurrenteEvents.parse(new String(bytes("webhooks/" + fixture + ".json"), StandardCharsets.UTF_8))
                        .getClass());
        assertEquals(e.getClass(), RecurrenteEvents.parse(original).getClass());
    }

    @Test
    void paymentIntentSucceededDocumented() {
        PaymentIntentEvent e = parse("payment_intent.succeeded.json", PaymentIntentEvent.class);
        assertEquals("pa_id123", e.getId());
        assertEquals("pa_id123", e.getResourceId());
        assertEquals("2024-04-24", e.getApiVersion());
        assertEquals(OffsetDateTime.of(2024, 2, 16, 3, 1, 13, 260_000_000, ZoneOffset.UTC), e.getCreatedAt());
        assertEquals(10000L, e.getAmountInCents());
        assertEquals("GTQ", e.getCurrency());
        assertEquals(450L, e.getFee());
        assertEquals(160L, e.getVatWithheld());
        assertEquals("GTQ", e.getVatWithheldCurrency());
        assertNull(e.getFailureReason());
        assertEquals("ch_id123", e.getCheckoutId());
        assertEquals("paid", e.getCheckout().getStatus());
        assertEquals("pay_m_7v5ie3pw", e.getPaymentMethod().getId(), "falls back to checkout.payment_method");
        assertEquals("0000", e.getPaymentMethod().getCard().getLast4());
        assertEquals("Max Rodriguez", e.getCustomer().getFullName());
        assertEquals("us_id123", e.getCustomer().getId());
        assertEquals("Subscription", e.getPayment().getPaymentable().getType());
        assertTrue(e.isSubscriptionPayment());
        assertEquals(
                "Plaza Obelisco", e.getPayment().getPaymentable().getAddress().getAddressLine1());
        assertEquals("01010", e.getPayment().getPaymentable().getAddress().getZipCode());
        assertEquals("5555-5555", e.getPayment().getPaymentable().getPhoneNumber());
        assertEquals("prod_id123", e.getProduct().getId());
        assertEquals("inv_123", e.getInvoice().getId());
        assertNull(e.getTaxInvoiceUrl());
        assertFalse(e.isConnected());
        assertNull(e.getAccountId());
        assertTrue(
                e.getAdditionalProperties().isEmpty(),
                "documented fields are all declared: " + e.getAdditionalProperties());
    }

    @Test
    void paymentIntentFailed() {
        PaymentIntentEvent e = parse("payment_intent.failed.json", PaymentIntentEvent.class);
        assertEquals("payment_intent.failed", e.getEventType());
        assertTrue(e.getFailureReason().startsWith("Tu banco ha rechazado"));
        assertEquals(0L, e.getFee());
        assertNull(e.getPaymentMethod());
        assertEquals("2024-03-13", e.getApiVersion());
    }

    @Test
    void liveShapedPaymentIntent() {
        PaymentIntentEvent e = parse("synthetic.payment_intent.succeeded.live-shape.json", PaymentIntentEvent.class);
        assertEquals(
                "https://felgtaws.digifact.com.gt/guest/api/FEL?DATA=abc",
                e.getTaxInvoiceUrl(),
                "top-level tax_invoice_url");
        assertNull(e.getInvoice());
        assertEquals(ZoneOffset.ofHours(-6), e.getCreatedAt().getOffset());
        assertEquals("cus_8f7d6s5a", e.getCustomerId());
        assertEquals("us_id123", e.getUserId());
        assertEquals(Boolean.FALSE, e.getUsedPresavedPaymentMethod());
        assertEquals(10000L, e.getCheckout().getTotalInCents(), "string total coerced");
        assertEquals(Boolean.TRUE, e.getCheckout().getLiveMode());
        assertEquals("A-1001", e.getCheckoutMetadataValue("order_id"));
        assertEquals("123456", e.getCheckout().getLatestIntent().getAuthCode());
        assertEquals("BANCO INDUSTRIAL", e.getPaymentMethod().getCard().getIssuerName());
        assertEquals("07", e.getPaymentMethod().getCard().getExpirationMonth());
        assertEquals("", e.getProducts().get(0).getPrices().get(0).getBillingInterval());
        assertEquals(3, ((java.util.Map<?, ?>) e.getAdditionalProperty("some_future_field")).size() + 2);
        JsonNode out = toTree(e);
        assertEquals("2025-11-03T10:15:42.118-06:00", out.get("created_at").asText(), "offset preserved");
        assertEquals(
                "2025-11-04T10:15:00Z", out.get("checkout").get("expires_at").asText());
        assertEquals(3, out.get("some_future_field").get("nested").size());
    }

    @Test
    void taxInvoiceUrlFromInvoiceObject() {
        RecurrenteEvent e = RecurrenteEvents.parse("{\"event_type\":\"payment_intent.succeeded\",\"id\":\"pa_1\","
                + "\"invoice\":{\"id\":\"inv_1\",\"tax_invoice_url\":\"https://fel/1\"}}");
        assertEquals("https://fel/1", ((PaymentIntentEvent) e).getTaxInvoiceUrl());
        assertFalse(toTree(e).has("tax_invoice_url"));
    }

    @Test
    void subscriptionEvents() {
        SubscriptionEvent e = parse("subscription.create.json", SubscriptionEvent.class);
        assertEquals("su_123", e.getId());
        assertEquals("example@example.com", e.getCustomerEmail());
        assertEquals("us_1234", e.getCustomerId());
        assertEquals("Pedro Pérez", e.getCustomerName());
        assertEquals("pa_123", e.getPayment().getId());
        assertEquals("+50255555555", e.getPayment().getPaymentable().getPhoneNumber());
        assertEquals("", e.getPayment().getPaymentable().getTaxId());
        assertEquals("Plan de Prueba", e.getProduct().getName());
        assertEquals(Boolean.FALSE, e.getProduct().getHasDynamicPricing());
        assertEquals(999L, e.getProduct().getPrices().get(0).getAmountInCents());
        assertEquals("", e.getProduct().getSuccessUrl());
        assertEquals(OffsetDateTime.parse("2025-10-13T13:59:27.931Z"), e.getCreatedAt());
        assertEquals(
                RecurrenteEventTypes.SUBSCRIPTION_PAUSED,
                parse("subscription.paused.json", SubscriptionEvent.class).getEventType());
        assertEquals(
                RecurrenteEventTypes.SUBSCRIPTION_PAST_DUE,
                parse("subscription.past_due.json", SubscriptionEvent.class).getEventType());
        assertEquals(
                RecurrenteEventTypes.SUBSCRIPTION_CANCEL,
                parse("subscription.cancel.json", SubscriptionEvent.class).getEventType());
    }

    @Test
    void bankTransferEvents() {
        BankTransferIntentEvent p = parse("bank_transfer_intent.pending.json", BankTransferIntentEvent.class);
        assertEquals("ba_123", p.getId());
        assertEquals("payment_in_progress", p.getCheckout().getStatus());
        assertNull(p.getPaymentMethod());
        assertNull(p.getBankReference());
        assertEquals("Acme S.A.", p.getPayment().getPaymentable().getTaxName());
        assertEquals("1234567", p.getPayment().getPaymentable().getTaxId());
        assertEquals("us_t8nlvpwq", p.getCustomerId());
        assertNull(p.getTaxInvoiceUrl());

        BankTransferIntentEvent s = parse("bank_transfer_intent.succeeded.json", BankTransferIntentEvent.class);
        assertEquals("bank_transfer_receiver", s.getPaymentMethod().getType());
        assertEquals("pay_m_zmbxckyn", s.getPaymentMethod().getId());
        assertEquals(10000L, s.getAmountInCents());

        BankTransferIntentEvent f = parse("bank_transfer_intent.failed.json", BankTransferIntentEvent.class);
        assertEquals("2023-08-29", f.getApiVersion());
        assertEquals("unpaid", f.getCheckout().getStatus());
    }

    @Test
    void bankTransferReferenceFields() {
        BankTransferIntentEvent e = (BankTransferIntentEvent)
                RecurrenteEvents.parse(
                        "{\"event_type\":\"bank_transfer_intent.succeeded\",\"id\":\"ba_1\",\"bank_reference\":\"BI-1\",\"sender_comment\":\"Pedido 7\"}");
        assertEquals("BI-1", e.getBankReference());
        assertEquals("Pedido 7", e.getSenderComment());
    }

    @Test
    void connectedAccountEvent() {
        BankTransferIntentEvent e =
                parse("synthetic.bank_transfer_intent.succeeded.connected.json", BankTransferIntentEvent.class);
        assertTrue(e.isConnected());
        assertEquals(Boolean.TRUE, e.getConnected());
        assertEquals("ac_123456", e.getAccountId());
        assertTrue(e.toString().contains("ac_123456"));
    }

    @Test
    void setupIntentTypoAndCorrectSpelling() {
        SetupIntentEvent e = parse("setup_intent.succeeded.json", SetupIntentEvent.class);
        assertEquals("succeeded", e.getStatus());
        assertEquals("su_vh8v33ac", e.getSubscription().getId(), "the documented 'suscription' typo");
        assertEquals("su_vh8v33ac", e.getSubscriptionId());
        assertNull(e.getId());
        assertEquals("su_vh8v33ac", e.getResourceId());
        assertEquals(ZoneOffset.ofHours(-6), e.getCreatedAt().getOffset());
        assertTrue(toTree(e).has("suscription"), "written back with the spelling received");
        assertFalse(toTree(e).has("subscription"));

        SetupIntentEvent c = parse("setup_intent.cancelled.json", SetupIntentEvent.class);
        assertEquals("cancelled", c.getStatus());

        SetupIntentEvent guide =
                parse("synthetic.setup_intent.succeeded.card-update-guide.json", SetupIntentEvent.class);
        assertNull(guide.getRawEventType());
        assertEquals("setup_intent.succeeded", guide.getType());
        assertEquals("pa_3kq8fj2m", guide.getId());
        assertEquals("pay_m_x9a1b2c3", guide.getPaymentMethod().getId());
        assertEquals("12", guide.getPaymentMethod().getCard().getExpirationMonth());
        assertEquals("su_vh8v33ac", guide.getSubscriptionId(), "correct spelling");
    }

    @Test
    void unifiedIntentEvents() {
        IntentEvent e = parse("synthetic.intent.succeeded.json", IntentEvent.class);
        assertEquals("intent.succeeded", e.getEventType(), "event_type wins over type");
        assertEquals("payment", e.getIntentType());
        assertEquals("in_9x8y7z6w", e.getId());
        assertEquals("succeeded", e.getStatus());
        assertEquals("1234567-8", e.getCustomer().getNit());
        assertEquals("654321", e.getDetails().getAuthCode());
        Intent i = e.toIntent();
        assertEquals("in_9x8y7z6w", i.getId());
        assertEquals("payment", i.getType());
        assertEquals(10000L, i.getAmountInCents());
        assertEquals("intent.succeeded", i.getAdditionalProperty("event_type"));

        IntentEvent bt = parse("synthetic.intent.pending.bank_transfer.json", IntentEvent.class);
        assertEquals("bank_transfer", bt.getIntentType());
        assertNull(bt.getDetails().getBankReference());

        IntentEvent f = parse("synthetic.intent.failed.json", IntentEvent.class);
        assertEquals(500L, f.getAmountInCents());
        assertEquals("requires_verification", f.getRawStatus());
        assertTrue(f.getFailureReason().startsWith("Tu banco"));
    }

    @Test
    void balanceAndRefundEvents() {
        BalanceIntentEvent b = parse("synthetic.balance_intent.succeeded.json", BalanceIntentEvent.class);
        assertEquals(5000L, b.getAmountInCents());
        assertEquals("B-7", b.getCheckoutMetadataValue("order_id"));
        assertEquals(BalanceIntentEvent.class, RecurrenteEvents.typeFor(RecurrenteEventTypes.BALANCE_INTENT_PAID));

        RefundEvent r = parse("synthetic.refund.create.json", RefundEvent.class);
        assertEquals("re_3jfrywsf", r.getRefundId());
        assertEquals("re_3jfrywsf", r.getResourceId());
        assertEquals(2500L, r.getRefund().getCustomerRefundedAmountInCents());
        assertEquals("ch_refunded1", r.getCheckout().getId());
    }

    @Test
    void unknownTypeIsGenericAndKeepsEverything() {
        String json =
                "{\"event_type\":\"dispute.create\",\"id\":\"dp_1\",\"amount_in_cents\":\"700\",\"created_at\":\"\","
                        + "\"nested\":{\"a\":[1,{\"b\":null}]},\"live_mode\":false}";
        RecurrenteEvent e = RecurrenteEvents.parse(json);
        assertInstanceOf(GenericEvent.class, e);
        assertEquals("dispute.create", e.getEventType());
        assertEquals("dp_1", e.getId());
        assertNull(e.getCreatedAt(), "empty date string -> null");
        assertEquals(Boolean.FALSE, e.getLiveMode());
        assertEquals("700", e.getAdditionalProperty("amount_in_cents"));
        JsonNode out = toTree(e);
        assertEquals("{\"a\":[1,{\"b\":null}]}", out.get("nested").toString());
        assertEquals(GenericEvent.class, RecurrenteEvents.typeFor("transfer.sent"));
        assertEquals(GenericEvent.class, RecurrenteEvents.typeFor(null));
    }

    @Test
    void typeIsUsedWhenEventTypeIsMissingOrBlank() {
        assertInstanceOf(
                SubscriptionEvent.class, RecurrenteEvents.parse("{\"type\":\"subscription.cancel\",\"id\":\"su_1\"}"));
        assertInstanceOf(
                SubscriptionEvent.class,
                RecurrenteEvents.parse("{\"event_type\":\"\",\"type\":\"subscription.cancel\"}"));
        assertEquals(
                "subscription.cancel",
                RecurrenteEvents.parse("{\"event_type\":null,\"type\":\"subscription.cancel\"}")
                        .getEventType());
    }

    @Test
    void quirkyValuesAreTolerated() {
        PaymentIntentEvent e = (PaymentIntentEvent)
                RecurrenteEvents.parse(
                        "{\"event_type\":\"payment_intent.succeeded\","
                                + "\"amount_in_cents\":\"10000\",\"fee\":\"\",\"checkout\":{\"total_in_cents\":\"500\",\"payment\":null,\"metadata\":\"\"},"
                                + "\"created_at\":\"2024-04-10T10:31:45.806-06:00\",\"payment\":{\"paymentable\":{\"address\":\"\"}},\"customer\":null}");
        assertEquals(10000L, e.getAmountInCents());
        assertNull(e.getFee());
        assertEquals(500L, e.getCheckout().getTotalInCents());
        assertNull(e.getCheckout().getMetadata());
        assertNull(e.getCustomer());
        assertNull(e.getPayment().getPaymentable().getAddress());
        assertEquals(
                "2024-04-10T10:31:45.806-06:00", toTree(e).get("created_at").asText());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"event_type\": \"payment_intent.succeeded\",,}",
                "{{\"id\":1}",
                "not json at all",
                "{\"a\":1}}",
                "{\"a\":",
                "{\"event_type\":\"payment_intent.succeeded\",\"id\":\"pa_1\"",
                "{\"event_type\":\"payment_intent.succeeded\",\"x\":[1,2"
            })
    void malformedJson(String body) {
        RecurrenteEventParseException e =
                assertThrows(RecurrenteEventParseException.class, () -> RecurrenteEvents.parse(body));
        assertTrue(e.getMessage().startsWith("not JSON: "), e.getMessage());
        assertTrue(e.getMessage().length() < 400, e.getMessage());
        assertNull(e.getCause(), "no Jackson stack attached");
        assertFalse(e.getMessage().contains("[Source:"), "no Jackson source description: " + e.getMessage());
        assertFalse(e.getMessage().contains("StreamReadFeature"), e.getMessage());
    }

    @Test
    void anUnclosedObjectSaysWhereItStarted() {
        RecurrenteEventParseException e = assertThrows(
                RecurrenteEventParseException.class,
                () -> RecurrenteEvents.parse("{\"event_type\":\"payment_intent.succeeded\",\"id\":\"pa_1\""));
        assertEquals(
                "not JSON: Unexpected end-of-input: expected close marker for Object (start marker at line 1, column 1)"
                        + " (line 1, column 53)",
                e.getMessage());
    }

    @Test
    void emptyBodies() {
        assertTrue(assertThrows(RecurrenteEventParseException.class, () -> RecurrenteEvents.parse(new byte[0]))
                .getMessage()
                .startsWith("not JSON"));
        assertTrue(assertThrows(RecurrenteEventParseException.class, () -> RecurrenteEvents.parse("   "))
                .getMessage()
                .startsWith("not JSON"));
        assertTrue(assertThrows(RecurrenteEventParseException.class, () -> RecurrenteEvents.parse((String) null))
                .getMessage()
                .startsWith("not JSON"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"[{\"event_type\":\"payment_intent.succeeded\"}]", "\"payment_intent.succeeded\"", "42", "null"})
    void notAnObject(String body) {
        RecurrenteEventParseException e =
                assertThrows(RecurrenteEventParseException.class, () -> RecurrenteEvents.parse(body));
        assertTrue(e.getMessage().startsWith("not a JSON object"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{}",
                "{\"id\":\"pa_1\"}",
                "{\"event_type\":\"\"}",
                "{\"event_type\":12,\"type\":null}",
                "{\"data\":{\"event_type\":\"payment_intent.succeeded\"}}"
            })
    void noEventType(String body) {
        RecurrenteEventParseException e =
                assertThrows(RecurrenteEventParseException.class, () -> RecurrenteEvents.parse(body));
        assertEquals("not a Recurrente event: no event_type/type field", e.getMessage());
        assertInstanceOf(IllegalArgumentException.class, e);
    }

    @Test
    void impossibleFieldValueGivesAShortMessage() {
        RecurrenteEventParseException e = assertThrows(
                RecurrenteEventParseException.class,
                () -> RecurrenteEvents.parse(
                        "{\"event_type\":\"payment_intent.succeeded\",\"amount_in_cents\":\"ten\"}"));
        assertTrue(e.getMessage().startsWith("cannot read payment_intent.succeeded event: "), e.getMessage());
        assertTrue(e.getMessage().contains("amount_in_cents"), e.getMessage());
        assertTrue(e.getMessage().length() < 500, e.getMessage());
    }

    @Test
    void eventTypeConstants() {
        assertEquals("payment_intent.succeeded", RecurrenteEventTypes.PAYMENT_INTENT_SUCCEEDED);
        assertEquals("subscription.pause", RecurrenteEventTypes.SUBSCRIPTION_PAUSE);
        assertEquals("subscription.paused", RecurrenteEventTypes.SUBSCRIPTION_PAUSED);
        assertEquals("intent.succeeded", RecurrenteEventTypes.INTENT_SUCCEEDED);
        assertEquals(21, RecurrenteEventTypes.ALL.size());
        for (String t : RecurrenteEventTypes.ALL) {
            assertFalse(RecurrenteEvents.typeFor(t) == GenericEvent.class, t + " must have a typed class");
        }
    }

    @Test
    void anyMapperCanReadTheAbstractEventType() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper plain =
                new com.fasterxml.jackson.databind.ObjectMapper().findAndRegisterModules();
        RecurrenteEvent e = plain.readValue(bytes("webhooks/bank_transfer_intent.pending.json"), RecurrenteEvent.class);
        assertInstanceOf(BankTransferIntentEvent.class, e);
        assertEquals("ba_123", e.getId());
        RecurrenteEvent s =
                RecurrenteJson.mapper().readValue(bytes("webhooks/setup_intent.succeeded.json"), RecurrenteEvent.class);
        assertEquals("su_vh8v33ac", ((SetupIntentEvent) s).getSubscriptionId());
        // a concrete class is read directly
        assertEquals(
                "pa_id123",
                RecurrenteJson.mapper()
                        .readValue(bytes("webhooks/payment_intent.failed.json"), PaymentIntentEvent.class)
                        .getId());
        com.fasterxml.jackson.databind.exc.MismatchedInputException ex = assertThrows(
                com.fasterxml.jackson.databind.exc.MismatchedInputException.class,
                () -> RecurrenteJson.mapper().readValue("{\"id\":\"x\"}", RecurrenteEvent.class));
        assertTrue(ex.getOriginalMessage().contains("no event_type/type field"), ex.getOriginalMessage());
    }

    @Test
    void eventsSerialiseWithTheSharedMapper() throws Exception {
        RecurrenteEvent e = RecurrenteEvents.parse(bytes("webhooks/subscription.create.json"));
        String json = RecurrenteJson.mapper().writeValueAsString(e);
        RecurrenteEvent again = RecurrenteEvents.parse(json);
        assertEquals(e.getClass(), again.getClass());
        ModelFixtures.assertSameJson(toTree(e), toTree(again));
    }
}
