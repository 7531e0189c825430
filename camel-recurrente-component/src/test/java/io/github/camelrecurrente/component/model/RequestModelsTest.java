package io.github.camelrecurrente.component.model;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static io.github.camelrecurrente.component.model.ModelFixtures.assertExactJson;
import static io.github.camelrecurrente.component.model.ModelFixtures.assertSameJson;
import static io.github.camelrecurrente.component.model.ModelFixtures.read;
import static io.github.camelrecurrente.component.model.ModelFixtures.toTree;
import static io.github.camelrecurrente.component.model.ModelFixtures.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Request models serialise to exactly the JSON the docs show (snake_case, nulls omitted, no wrapper). */
class RequestModelsTest {

    @Test
    void checkoutWithInlineItem() {
        CheckoutRequest r = CheckoutRequest.of(CheckoutItem.inline("One Ripe Banana", 3000, "GTQ", 1)
                        .imageUrl("https://source.unsplash.com/400x400/?banana"))
                .successUrl("https://www.google.com")
                .cancelUrl("https://www.amazon.com")
                .userId("us_123456")
                .metadata(new LinkedHashMap<>());
        assertExactJson(tree("requests/checkout-inline.json"), toTree(r));
    }

    @Test
    void checkoutWithRecurringItem() {
        CheckoutItem item = new CheckoutItem()
                .name("Membresia Gold")
                .description("Suscripción con un mes de prueba")
                .currency("GTQ")
                .amountInCents(5000L)
                .imageUrl("https://source.unsplash.com/400x400/?banana")
                .customTermsAndConditions("Terminos y condiciones")
                .recurring("month", 1)
                .periodsBeforeAutomaticCancellation(12)
                .freeTrialIntervalCount(1)
                .freeTrialInterval("month")
                .metadata(Map.of());
        CheckoutRequest r = new CheckoutRequest()
                .addItem(item)
                .successUrl("https://www.google.com")
                .cancelUrl("https://www.amazon.com")
                .metadata(Map.of());
        assertExactJson(tree("requests/checkout-subscription.json"), toTree(r));
    }

    @Test
    void checkoutWithProductIdAndPriceId() {
        CheckoutRequest r =
                CheckoutRequest.of(CheckoutItem.ofProduct("prod_123456")).metadata(Map.of());
        assertExactJson(tree("requests/checkout-product-id.json"), toTree(r));
        JsonNode byPrice = toTree(CheckoutRequest.of(CheckoutItem.ofPrice("price_abc")));
        assertEquals("{\"items\":[{\"price_id\":\"price_abc\"}]}", byPrice.toString());
    }

    @Test
    void checkoutForConnectedAccount() {
        CheckoutRequest r = CheckoutRequest.of(
                        new CheckoutItem().currency("GTQ").amountInCents(3000L))
                .customAccountId("ac_123456")
                .addTransferSetup(TransferSetup.of(100, "ac_654321"));
        assertExactJson(tree("requests/checkout-connected.json"), toTree(r));
    }

    @Test
    void checkoutSetupModeAndExpiry() {
        CheckoutRequest r = CheckoutRequest.setup()
                .customerId("cus_1")
                .expiresAt(OffsetDateTime.parse("2050-05-15T13:45:30-06:00"))
                .paymentMethodTypes(List.of("card"))
                .putMetadata("order_id", "A-1");
        JsonNode out = toTree(r);
        assertEquals("setup", out.get("mode").asText());
        assertEquals("2050-05-15T13:45:30-06:00", out.get("expires_at").asText(), "offset kept, ISO string");
        assertEquals("A-1", out.get("metadata").get("order_id").asText());
        assertEquals(5, out.size(), out.toString());
    }

    @Test
    void checkoutUpdate() {
        CheckoutUpdateRequest r = new CheckoutUpdateRequest()
                .successUrl("https://www.google.com")
                .cancelUrl("https://www.amazon.com")
                .putMetadata("internalID", 123)
                .expiresAt(OffsetDateTime.parse("2050-05-15T13:45:30Z"));
        assertExactJson(tree("requests/checkout-update.json"), toTree(r));
    }

    @Test
    void productCreateIsTheInnerObject() {
        ProductRequest r = ProductRequest.of("El nombre de tu producto", PriceRequest.oneTime(500, "GTQ"))
                .description("La descripción es opcional")
                .imageUrl("https://source.unsplash.com/400x400/?banana")
                .cancelUrl("https://www.amazon.com/")
                .successUrl("https://www.google.com/")
                .customTermsAndConditions("El texto que tú quieras añadir.")
                .phoneRequirement("none")
                .addressRequirement("none")
                .billingInfoRequirement("none");
        JsonNode out = toTree(r);
        assertExactJson(tree("requests/product-create-one-time.json"), out);
        assertFalse(out.has("product"), "the producer adds the {\"product\": ...} wrapper");
    }

    @Test
    void productWithCustomPaymentMethods() {
        ProductRequest r = new ProductRequest()
                .name("El nombre del producto")
                .customPaymentMethodSettings(true)
                .cardPaymentsEnabled(true)
                .bankTransferPaymentsEnabled(true)
                .availableInstallments(List.of(3, 6, 12, 18))
                .addPrice(PriceRequest.oneTime(10000, "GTQ"));
        assertExactJson(tree("requests/synthetic.product-custom-payment-methods.typed.json"), toTree(r));
    }

    @Test
    void docsStringlyTypedProductIsReadAndWrittenTyped() {
        // the docs send "true"/"10000" as strings inside {"product": ...}; reading coerces, writing is typed
        JsonNode doc = tree("requests/product-custom-payment-methods.doc-wrapped-strings.json")
                .get("product");
        ProductRequest r = RecurrenteJson.mapper().convertValue(doc, ProductRequest.class);
        assertEquals(Boolean.TRUE, r.getCustomPaymentMethodSettings());
        assertEquals(10000L, r.getPricesAttributes().get(0).getAmountInCents());
        assertExactJson(tree("requests/synthetic.product-custom-payment-methods.typed.json"), toTree(r));
    }

    @Test
    void productUpdateAndPriceDeletion() {
        ProductRequest r = new ProductRequest()
                .name("El nuevo nombre del producto")
                .addPrice(PriceRequest.update("price_mirvwr9y").amountInCents(1500L))
                .addPrice(PriceRequest.delete("price_old123"));
        // the documentation writes the amount as a string ("1500"), the typed request as a number: same value
        assertSameJson(tree("requests/product-update.json"), toTree(r));
        assertEquals(1500, toTree(r).at("/prices_attributes/0/amount_in_cents").intValue());
    }

    @Test
    void recurringPrice() {
        JsonNode out = toTree(PriceRequest.recurring(1000, "GTQ", "month", 1)
                .freeTrialInterval("month")
                .freeTrialIntervalCount(1));
        assertEquals("recurring", out.get("charge_type").asText());
        assertEquals("month", out.get("billing_interval").asText());
        assertEquals(1, out.get("billing_interval_count").asInt());
        assertFalse(out.has("_destroy"));
    }

    @Test
    void couponUserTransferRefund() {
        assertExactJson(tree("requests/coupon-create.json"), toTree(CouponRequest.amountOff("NEWCOUPON", 1500, "GTQ")));
        assertEquals(
                "{\"name\":\"P10\",\"percent_off\":10,\"duration\":\"forever\"}",
                toTree(CouponRequest.percentOff("P10", BigDecimal.TEN).duration("forever"))
                        .toString());
        assertExactJson(
                tree("requests/user-create.json"), toTree(UserRequest.of("me@example.com", "Jorge Luis Borges")));
        // "amount_in_cents": "100" in the documentation, a number in the typed request: same value
        assertSameJson(tree("requests/transfer-create.json"), toTree(TransferRequest.of(100, "GTQ", "recurrente")));
        assertExactJson(tree("requests/refund-create.json"), toTree(RefundRequest.forPaymentIntent("pa_e6kc6vx2")));
        assertEquals(
                "{\"intent_id\":\"in_1\",\"amount_in_cents\":250}",
                toTree(RefundRequest.forIntent("in_1").amountInCents(250L)).toString());
    }

    @Test
    void webhookEndpointRequestIsPlain() {
        WebhookEndpointRequest r = WebhookEndpointRequest.of("https://example.com/webhook")
                .description("Optional description of the endpoint")
                .metadata(Map.of());
        assertExactJson(tree("requests/webhook-endpoint-create.json"), toTree(r));
    }

    @Test
    void oneTimePaymentPaymentIntentSubscriptionTerminal() {
        OneTimePaymentRequest r = OneTimePaymentRequest.of(
                "pay_m_l1aqgfoq",
                CheckoutItem.inline("One Ripe Banana", 3000, "GTQ", 1)
                        .imageUrl("https://source.unsplash.com/400x400/?banana"));
        assertExactJson(tree("requests/one-time-payment.json"), toTree(r));
        assertExactJson(
                tree("requests/payment-intent-update.json"),
                toTree(PaymentIntentUpdateRequest.taxInvoice("https://www.example.com/factura123")));
        assertEquals(
                "{\"payment_method_id\":\"pay_m_1\"}",
                toTree(SubscriptionUpdateRequest.paymentMethod("pay_m_1")).toString());
        assertEquals(
                "{\"terminal_id\":\"term_1\",\"external_id\":\"ext-1\",\"amount_in_cents\":1500,\"currency\":\"GTQ\",\"installments\":3}",
                toTree(TerminalSessionCommandRequest.of("term_1", "ext-1", 1500, "GTQ")
                                .installments(3))
                        .toString());
        assertEquals(
                "{\"amount\":15.5}",
                toTree(new TerminalSessionCommandRequest().amount(new BigDecimal("15.5")))
                        .toString());
    }

    @Test
    void customerRequest() {
        JsonNode out = toTree(
                CustomerRequest.of("ana@example.com").fullName("Ana López").nit("1234567-8"));
        assertEquals(
                "{\"email\":\"ana@example.com\",\"full_name\":\"Ana López\",\"nit\":\"1234567-8\"}", out.toString());
    }

    @Test
    void requestsDeserialiseToo() {
        CheckoutRequest r = read("requests/checkout-subscription.json", CheckoutRequest.class);
        CheckoutItem item = r.getItems().get(0);
        assertEquals("Membresia Gold", item.getName());
        assertEquals(5000L, item.getAmountInCents());
        assertEquals("recurring", item.getChargeType());
        assertEquals(12, item.getPeriodsBeforeAutomaticCancellation());
        ProductRequest p = read("requests/product-update.json", ProductRequest.class);
        assertEquals(Boolean.TRUE, p.getPricesAttributes().get(1).getDestroy());
        assertNull(p.getPricesAttributes().get(0).getDestroy());
        assertEquals(1500L, p.getPricesAttributes().get(0).getAmountInCents(), "the documented \"1500\" is read");
        assertSameJson(tree("requests/product-update.json"), toTree(p));
    }

    @Test
    void fluentSettersReturnThisAndExtraPropertiesAreSent() {
        CheckoutItem item = new CheckoutItem();
        assertSame(item, item.quantity(2));
        item.setAdditionalProperty("brand_new_api_field", "x");
        JsonNode out = toTree(item);
        assertEquals("x", out.get("brand_new_api_field").asText());
        assertEquals(2, out.get("quantity").asInt());
        assertTrue(toTree(new CheckoutRequest()).isEmpty(), "an empty request serialises to {}");
    }
}
