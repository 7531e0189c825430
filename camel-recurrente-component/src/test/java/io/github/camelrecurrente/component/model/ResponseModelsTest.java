package io.github.camelrecurrente.component.model;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.github.camelrecurrente.component.model.ModelFixtures.assertSameJson;
import static io.github.camelrecurrente.component.model.ModelFixtures.read;
import static io.github.camelrecurrente.component.model.ModelFixtures.toTree;
import static io.github.camelrecurrente.component.model.ModelFixtures.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every documented example response parses into its model, and serialises back to the same JSON (minus nulls). */
class ResponseModelsTest {

    /** Round trip of every response fixture through its model: nothing the API sent is lost. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "test.json, ApiMessage",
        "subscription-cancel.json, ApiMessage",
        "synthetic.error-401.json, ApiMessage",
        "checkout-create.json, Checkout",
        "checkout-create-connected.json, Checkout",
        "checkout-update.json, Checkout",
        "checkout-get-unpaid.json, Checkout",
        "payment-intent-update.json, PaymentIntent",
        "product-create-subscription.json, Product",
        "product-update.json, Product",
        "product-delete.json, Product",
        "coupon-create.json, Coupon",
        "coupon-delete.json, Coupon",
        "subscription-get.json, Subscription",
        "synthetic.subscription-get-extended.json, Subscription",
        "user-create.json, User",
        "transfer-create.json, Transfer",
        "synthetic.transfer-full.json, Transfer",
        "refund-create.json, Refund",
        "synthetic.refund-get-full.json, Refund",
        "webhook-endpoint-create.json, WebhookEndpoint",
        "synthetic.webhook-endpoint-create-with-secret.json, WebhookEndpoint",
        "one-time-payment-create.json, OneTimePayment",
        "synthetic.intent-get.json, Intent",
        "synthetic.terminal-session-command.json, TerminalSessionCommand",
        "synthetic.customer-get.json, Customer",
        "synthetic.customer-list.json, CustomerList"
    })
    void roundTrip(String fixture, String model) throws Exception {
        Class<?> type = Class.forName(RecurrenteObject.class.getPackageName() + "." + model);
        JsonNode original = tree("responses/" + fixture);
        Object parsed = RecurrenteJson.mapper().treeToValue(original, type);
        assertEquals(type, parsed.getClass());
        assertSameJson(original, toTree(parsed));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "checkout-list.json, Checkout",
        "product-list.json, Product",
        "coupon-list.json, Coupon",
        "subscription-list.json, Subscription",
        "webhook-endpoint-list.json, WebhookEndpoint"
    })
    void listsRoundTrip(String fixture, String model) throws Exception {
        Class<?> type = Class.forName(RecurrenteObject.class.getPackageName() + "." + model);
        JsonNode original = tree("responses/" + fixture);
        List<?> list = RecurrenteJson.mapper().readerForListOf(type).readValue(original);
        assertFalse(list.isEmpty());
        list.forEach(o -> assertEquals(type, o.getClass()));
        assertSameJson(original, toTree(list));
    }

    @Test
    void apiMessage() {
        assertEquals(
                "Hello La Surf Office 🌎",
                read("responses/test.json", ApiMessage.class).getMessage());
        assertEquals(
                "Suscripción cancelada",
                read("responses/subscription-cancel.json", ApiMessage.class).getMessage());
        ApiMessage err = read("responses/synthetic.error-401.json", ApiMessage.class);
        assertEquals(
                List.of("Las llaves de API son inválidas o no coinciden."),
                err.getErrors().get("authentication"));
    }

    @Test
    void checkoutCreate() {
        Checkout c = read("responses/checkout-create.json", Checkout.class);
        assertEquals("ch_eegw9j5zgqoae3ms", c.getId());
        assertEquals("https://app.recurrente.com/checkout-session/ch_eegw9j5zgqoae3ms", c.getCheckoutUrl());
        assertEquals(c.getCheckoutUrl(), c.getCheckoutUrlOrUrl());
        assertNull(c.getStatus());
        assertTrue(c.toString().contains("ch_eegw9j5zgqoae3ms"));
    }

    @Test
    void checkoutUpdateWithStringTotalAndLatestIntent() {
        Checkout c = read("responses/checkout-update.json", Checkout.class);
        assertEquals("unpaid", c.getStatus());
        assertEquals(500L, c.getTotalInCents(), "\"500\" coerced");
        assertEquals("GTQ", c.getCurrency());
        assertEquals(123, c.getMetadataValue("internalID"));
        assertEquals(OffsetDateTime.of(2050, 5, 15, 13, 45, 30, 0, ZoneOffset.UTC), c.getExpiresAt());
        assertNull(c.getPayment());
        assertNull(c.getPaymentMethod());
        assertTrue(c.getTransferSetups().isEmpty());
        assertEquals("pa_123", c.getLatestIntent().getId());
        assertEquals("PaymentIntent", c.getLatestIntent().getType());
        assertEquals("123456", c.getLatestIntent().getAuthCode());
    }

    @Test
    void checkoutListPaid() throws Exception {
        List<Checkout> list = RecurrenteJson.mapper()
                .readValue(ModelFixtures.bytes("responses/checkout-list.json"), new TypeReference<List<Checkout>>() {});
        Checkout c = list.get(0);
        assertEquals("paid", c.getStatus());
        assertEquals("pa_ttfeprgn", c.getPayment().getId());
        assertEquals("Subscription", c.getPayment().getPaymentable().getType());
        assertEquals("su_nehndm7j", c.getPayment().getPaymentable().getId());
        assertEquals("pay_m_ru4ztzg3", c.getPaymentMethod().getId());
        assertEquals("card", c.getPaymentMethod().getType());
        assertEquals("4242", c.getPaymentMethod().getCard().getLast4());
        assertEquals("visa", c.getPaymentMethod().getCard().getNetwork());
    }

    @Test
    void paymentIntentUpdate() {
        PaymentIntent pi = read("responses/payment-intent-update.json", PaymentIntent.class);
        assertEquals("pa_123", pi.getId());
        assertEquals("ch_123", pi.getCheckout().getId());
        assertEquals("2024-04-24", pi.getApiVersion());
        assertEquals(ZoneOffset.ofHours(-6), pi.getCreatedAt().getOffset());
        assertEquals(500L, pi.getAmountInCents());
        assertEquals(223L, pi.getFee());
        assertEquals(0L, pi.getVatWithheld());
        assertEquals("GTQ", pi.getVatWithheldCurrency());
        assertEquals("us_123", pi.getCustomerId());
        assertEquals("Mario Bros", pi.getCustomer().getFullName());
        assertEquals("prod_123", pi.getProduct().getId());
        Product p = pi.getProducts().get(0);
        assertEquals("Banana", p.getName());
        assertEquals("", p.getPrices().get(0).getBillingInterval());
        assertEquals(0, p.getPrices().get(0).getBillingIntervalCount());
        assertEquals("OneTimePayment", pi.getPayment().getPaymentable().getType());
        assertEquals("", pi.getPayment().getPaymentable().getTaxId());
        assertEquals("https://www.example.com/factura123", pi.getTaxInvoiceUrl());
    }

    @Test
    void products() {
        Product p = read("responses/product-create-subscription.json", Product.class);
        assertEquals("prod_vsyjzsqf", p.getId());
        assertEquals("active", p.getStatus());
        assertEquals("none", p.getBillingInfoRequirement());
        Price price = p.getPrices().get(0);
        assertEquals("price_tnxd8fzw", price.getId());
        assertEquals(1000L, price.getAmountInCents());
        assertEquals("recurring", price.getChargeType());
        assertEquals("month", price.getBillingInterval());
        assertEquals(1, price.getFreeTrialIntervalCount());
        assertNull(price.getPeriodsBeforeAutomaticCancellation());
        assertEquals("https://app.recurrente.com/s/surf-office/el-nombre-de-tu-producto-f9ljtq", p.getStorefrontLink());
        assertEquals(Map.of(), p.getMetadata());

        Product updated = read("responses/product-update.json", Product.class);
        assertEquals(1500L, updated.getPrices().get(0).getAmountInCents());
        Product deleted = read("responses/product-delete.json", Product.class);
        assertEquals("deleted", deleted.getStatus());
        assertEquals("prod_m7vzucwi", deleted.getId());
    }

    @Test
    void coupons() {
        Coupon c = read("responses/coupon-create.json", Coupon.class);
        assertEquals("coup_ugwoxcp4", c.getId());
        assertEquals("NEWCOUPON", c.getName());
        assertEquals(1500L, c.getAmountOffInCents());
        assertNull(c.getPercentOff());
        assertEquals("once", c.getDuration());
        assertEquals("active", c.getStatus());
        assertEquals(
                "deleted", read("responses/coupon-delete.json", Coupon.class).getStatus());
    }

    @Test
    void subscription() {
        Subscription s = read("responses/subscription-get.json", Subscription.class);
        assertEquals("su_nehndm7j", s.getId());
        assertEquals("active", s.getStatus());
        assertEquals("One Free-Testable Banana", s.getDescription());
        assertEquals(OffsetDateTime.parse("2024-03-02T03:52:12.636-06:00"), s.getCurrentPeriodEnd());
        assertEquals("Fela Kuti", s.getSubscriber().getFullName());
        assertEquals("test@user.com", s.getSubscriber().getEmail());
        assertEquals("ch_lmgbvesmihkqzma3", s.getCheckout().getId());
        assertEquals("pr_7ehozftv", s.getProduct().getId());

        Subscription ext = read("responses/synthetic.subscription-get-extended.json", Subscription.class);
        assertEquals(1, ext.getPaymentRetries());
        assertEquals("09", ext.getDefaultPaymentMethod().getCard().getExpirationMonth());
        assertEquals("BAC", ext.getDefaultPaymentMethod().getCard().getIssuerName());
    }

    @Test
    void userTransferRefundOneTimePayment() {
        User u = read("responses/user-create.json", User.class);
        assertEquals("us_y6fxiihb", u.getId());
        assertEquals("me@example.com", u.getEmail());

        Transfer t = read("responses/transfer-create.json", Transfer.class);
        assertEquals("tr_nr4yplup", t.getId());
        assertEquals("completed", t.getStatus());
        Transfer full = read("responses/synthetic.transfer-full.json", Transfer.class);
        assertEquals("Recurrente", full.getRecipient().getName());
        assertEquals(100L, full.getAmountInCents());

        Refund r = read("responses/refund-create.json", Refund.class);
        assertEquals("re_3jfrywsf", r.getId());
        assertEquals("succeeded", r.getStatus());
        assertEquals(2187L, r.getAccountRefundedAmountInCents());
        assertEquals(2500L, r.getCustomerRefundedAmountInCents());
        assertEquals("Juan Perez", r.getCustomer().getFullName());
        assertEquals(ZoneOffset.ofHours(-6), r.getCreatedAt().getOffset());

        OneTimePayment o = read("responses/one-time-payment-create.json", OneTimePayment.class);
        assertEquals("on_123456789", o.getId());
        assertEquals("paid", o.getStatus());
    }

    @Test
    void webhookEndpointIsCamelCaseAndNeverShowsItsSecret() throws Exception {
        WebhookEndpoint ep =
                read("responses/synthetic.webhook-endpoint-create-with-secret.json", WebhookEndpoint.class);
        assertEquals("ep_2fy6I9KODnHzw7Zf0ZGmMs8gEN9", ep.getId());
        assertEquals("https://example.com/webhook", ep.getUrl());
        assertEquals(Boolean.FALSE, ep.getDisabled());
        assertEquals(OffsetDateTime.parse("2024-05-03T18:28:07.673413Z"), ep.getCreatedAt());
        assertNotNull(ep.getUpdatedAt());
        assertEquals("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", ep.getSigningSecret());
        assertTrue(
                ep.getAdditionalProperties().isEmpty(),
                "all camelCase fields are declared: " + ep.getAdditionalProperties());
        String s = ep.toString();
        assertFalse(s.contains("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"), s);
        assertFalse(s.contains("whsec_"), s);
        assertTrue(s.contains("ep_2fy6I9KODnHzw7Zf0ZGmMs8gEN9"), s);
        assertTrue(s.contains("****"), s);
        JsonNode out = toTree(ep);
        assertTrue(out.has("createdAt") && out.has("signingSecret") && !out.has("created_at"), out.toString());

        WebhookEndpoint snake = RecurrenteJson.mapper()
                .readValue(
                        "{\"id\":\"ep_1\",\"signing_secret\":\"whsec_snakeSecret\",\"created_at\":\"2024-05-03T18:28:07Z\"}",
                        WebhookEndpoint.class);
        assertEquals("whsec_snakeSecret", snake.getSigningSecret(), "snake_case alias accepted");
        assertNotNull(snake.getCreatedAt());
        assertFalse(snake.toString().contains("snakeSecret"), snake.toString());

        WebhookEndpoint noSecret = read("responses/webhook-endpoint-create.json", WebhookEndpoint.class);
        assertNull(noSecret.getSigningSecret());
        assertTrue(noSecret.toString().contains("signingSecret=null"));
    }

    @Test
    void unifiedIntent() {
        Intent i = read("responses/synthetic.intent-get.json", Intent.class);
        assertEquals("bank_transfer", i.getType());
        assertEquals("in_bt123456", i.getId());
        assertEquals("succeeded", i.getStatus());
        assertEquals(25000L, i.getAmountInCents());
        assertEquals("1234567-8", i.getCustomer().getNit());
        assertEquals("BI-889977", i.getDetails().getBankReference());
        assertEquals("Pedido A-1001", i.getDetails().getSenderComment());
        assertEquals(
                "6a Avenida 1-23, Zona 1",
                i.getPayment().getPaymentable().getAddress().getAddressLine1(),
                "an address sent as text is accepted");
        assertEquals(
                "6a Avenida 1-23, Zona 1",
                i.getPayment().getPaymentable().getAddress().getText());
    }

    @Test
    void terminalCommandAndCustomer() {
        TerminalSessionCommand t =
                read("responses/synthetic.terminal-session-command.json", TerminalSessionCommand.class);
        assertEquals("pos-order-77", t.getExternalId());
        assertEquals("pending", t.getStatus());
        assertEquals(15000L, t.getAmountInCents());
        assertEquals("ch_term1", t.getCheckoutId());

        Customer c = read("responses/synthetic.customer-get.json", Customer.class);
        assertEquals("cus_123", c.getId());
        assertEquals("usr_456", c.getUserId());
        assertEquals("Zona 10, Guatemala", c.getAddress());
        assertEquals("C-9", c.getMetadata().get("erp_id"));

        CustomerList list = read("responses/synthetic.customer-list.json", CustomerList.class);
        assertEquals("cus_1", list.getCustomers().get(0).getId());
        assertEquals("CF", list.getCustomers().get(0).getNit());
    }

    @Test
    void paymentableAddressObject() throws Exception {
        Paymentable p = RecurrenteJson.mapper()
                .readValue(
                        "{\"type\":\"Subscription\",\"address\":{\"address_line_1\":\"Plaza\","
                                + "\"address_line_2\":null,\"city\":\"Guatemala\",\"zip_code\":\"01010\",\"extra\":true}}",
                        Paymentable.class);
        Address a = p.getAddress();
        assertEquals("Plaza", a.getAddressLine1());
        assertEquals("01010", a.getZipCode());
        assertNull(a.getText());
        assertEquals(Boolean.TRUE, a.getAdditionalProperty("extra"));
        JsonNode out = toTree(p).get("address");
        assertEquals("Plaza", out.get("address_line_1").asText());
        assertTrue(out.get("extra").asBoolean());
    }
}
