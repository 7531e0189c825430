package io.github.camelrecurrente.component;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelrecurrente.component.model.ApiMessage;
import io.github.camelrecurrente.component.model.Checkout;
import io.github.camelrecurrente.component.model.CheckoutItem;
import io.github.camelrecurrente.component.model.CheckoutRequest;
import io.github.camelrecurrente.component.model.Coupon;
import io.github.camelrecurrente.component.model.CouponRequest;
import io.github.camelrecurrente.component.model.Customer;
import io.github.camelrecurrente.component.model.CustomerRequest;
import io.github.camelrecurrente.component.model.Intent;
import io.github.camelrecurrente.component.model.OneTimePayment;
import io.github.camelrecurrente.component.model.PaymentIntent;
import io.github.camelrecurrente.component.model.PriceRequest;
import io.github.camelrecurrente.component.model.Product;
import io.github.camelrecurrente.component.model.ProductRequest;
import io.github.camelrecurrente.component.model.Refund;
import io.github.camelrecurrente.component.model.Subscription;
import io.github.camelrecurrente.component.model.TerminalSessionCommand;
import io.github.camelrecurrente.component.model.Transfer;
import io.github.camelrecurrente.component.model.TransferRequest;
import io.github.camelrecurrente.component.model.User;
import io.github.camelrecurrente.component.model.UserRequest;
import io.github.camelrecurrente.component.model.WebhookEndpoint;
import io.github.camelrecurrente.sandbox.RecordedRequest;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every operation against the sandbox: the HTTP method, path, auth headers and JSON sent, and the typed result.
 */
class ProducerOperationsTest extends SandboxTestSupport {

    private static final Map<String, Object> NO_HEADERS = Map.of();

    private Checkout newCheckout(long cents) {
        return callOk(
                "recurrente:createCheckout",
                CheckoutRequest.of(CheckoutItem.inline("Camisa típica", cents, "GTQ", 1))
                        .successUrl("https://tienda.example/ok")
                        .cancelUrl("https://tienda.example/cancel"),
                NO_HEADERS,
                Checkout.class);
    }

    private String paidIntentId() {
        Checkout checkout = newCheckout(15000);
        Map<String, Object> intent = sandbox.payCheckout(checkout.getId());
        return (String) intent.get("id");
    }

    @Test
    void testCredentials() {
        Exchange ex = call("recurrente:testCredentials", null, NO_HEADERS);
        assertNull(ex.getException());
        ApiMessage msg = ex.getMessage().getBody(ApiMessage.class);
        assertTrue(msg.getMessage().contains("Tienda Uno"), msg.getMessage());
        assertEquals(200, ex.getMessage().getHeader(RecurrenteConstants.HTTP_STATUS));
        assertLastRequest("GET", "/test");
    }

    @Test
    void createCheckoutSendsJsonAndReturnsTypedCheckout() {
        Exchange ex = call(
                "recurrente:createCheckout",
                CheckoutRequest.of(CheckoutItem.inline("Camisa típica", 15000, "GTQ", 2))
                        .successUrl("https://tienda.example/ok")
                        .putMetadata("order_id", "A-17"),
                NO_HEADERS);
        assertNull(ex.getException());
        Checkout checkout = ex.getMessage().getBody(Checkout.class);
        assertTrue(checkout.getId().startsWith("ch_"), checkout.getId());
        assertNotNull(checkout.getCheckoutUrl());
        assertEquals(checkout.getId(), ex.getMessage().getHeader(RecurrenteConstants.ID));
        assertEquals(201, ex.getMessage().getHeader(RecurrenteConstants.HTTP_STATUS));

        RecordedRequest r = assertLastRequest("POST", "/checkouts");
        JsonNode sent = json(r);
        assertEquals("Camisa típica", sent.at("/items/0/name").asText());
        assertEquals(15000, sent.at("/items/0/amount_in_cents").asLong());
        assertEquals("GTQ", sent.at("/items/0/currency").asText());
        assertEquals(2, sent.at("/items/0/quantity").asInt());
        assertEquals("https://tienda.example/ok", sent.get("success_url").asText());
        assertEquals("A-17", sent.at("/metadata/order_id").asText());
        assertFalse(sent.has("cancel_url"), "nulls are not sent");
        assertNotNull(r.header("Idempotency-Key"), "creates carry an Idempotency-Key");
        assertTrue(r.header("Content-Type").startsWith("application/json"));
    }

    @Test
    void getListAndUpdateCheckout() {
        Checkout created = newCheckout(5000);

        Checkout got =
                callOk("recurrente:getCheckout", null, Map.of(RecurrenteConstants.ID, created.getId()), Checkout.class);
        assertEquals(created.getId(), got.getId());
        assertEquals("unpaid", got.getStatus());
        assertEquals(5000L, got.getTotalInCents());
        assertLastRequest("GET", "/checkouts/" + created.getId());

        List<?> list = callOk("recurrente:listCheckouts", null, NO_HEADERS, List.class);
        assertEquals(1, list.size());
        assertInstanceOf(Checkout.class, list.get(0));
        assertLastRequest("GET", "/checkouts");

        Checkout updated = callOk(
                "recurrente:updateCheckout?id=" + created.getId(),
                Map.of("success_url", "https://tienda.example/gracias"),
                NO_HEADERS,
                Checkout.class);
        assertEquals("https://tienda.example/gracias", updated.getSuccessUrl());
        RecordedRequest r = assertLastRequest("PATCH", "/checkouts/" + created.getId());
        assertEquals(
                "https://tienda.example/gracias", json(r).get("success_url").asText());
    }

    @Test
    void updatePaymentIntentPushesTaxInvoiceUrl() {
        String intentId = paidIntentId();
        String url = "https://fel.example/facturas/FACT-0001.pdf";

        PaymentIntent intent = callOk(
                "recurrente:updatePaymentIntent", url, Map.of(RecurrenteConstants.ID, intentId), PaymentIntent.class);
        assertEquals(intentId, intent.getId());
        assertEquals(url, intent.getTaxInvoiceUrl());
        RecordedRequest r = assertLastRequest("PATCH", "/payment_intents/" + intentId);
        assertEquals(url, json(r).at("/payment_intent/tax_invoice_url").asText());
        assertEquals(url, sandbox.paymentIntent(intentId).get("tax_invoice_url"));
    }

    @Test
    void productLifecycle() {
        Product product = callOk(
                "recurrente:createProduct",
                new ProductRequest()
                        .name("Membresía mensual")
                        .description("Acceso al gimnasio")
                        .pricesAttributes(List.of(new PriceRequest()
                                .amountInCents(25000L)
                                .currency("GTQ")
                                .chargeType("recurring")
                                .billingInterval("month")
                                .billingIntervalCount(1))),
                NO_HEADERS,
                Product.class);
        assertTrue(product.getId().startsWith("prod_"), product.getId());
        assertEquals("Membresía mensual", product.getName());
        assertFalse(product.getPrices().isEmpty());
        assertTrue(product.getPrices().get(0).getId().startsWith("price_"));
        RecordedRequest r = assertLastRequest("POST", "/products");
        JsonNode sent = json(r);
        assertEquals("Membresía mensual", sent.at("/product/name").asText(), "wrapped under product");
        assertEquals(
                25000, sent.at("/product/prices_attributes/0/amount_in_cents").asLong());

        Product got =
                callOk("recurrente:getProduct", null, Map.of(RecurrenteConstants.ID, product.getId()), Product.class);
        assertEquals(product.getId(), got.getId());
        assertLastRequest("GET", "/products/" + product.getId());

        List<?> all = callOk("recurrente:listProducts", null, NO_HEADERS, List.class);
        assertEquals(1, all.size());
        assertInstanceOf(Product.class, all.get(0));

        Product renamed = callOk(
                "recurrente:updateProduct",
                "{\"name\": \"Membresía plus\"}",
                Map.of(RecurrenteConstants.ID, product.getId()),
                Product.class);
        assertEquals("Membresía plus", renamed.getName());
        r = assertLastRequest("PATCH", "/products/" + product.getId());
        assertEquals("Membresía plus", json(r).at("/product/name").asText());

        Product deleted = callOk(
                "recurrente:deleteProduct", null, Map.of(RecurrenteConstants.ID, product.getId()), Product.class);
        assertEquals(product.getId(), deleted.getId());
        assertLastRequest("DELETE", "/products/" + product.getId());
    }

    @Test
    void couponLifecycle() {
        Coupon coupon = callOk(
                "recurrente:createCoupon",
                new CouponRequest()
                        .name("VERANO25")
                        .amountOffInCents(1500L)
                        .currency("GTQ")
                        .duration("once"),
                NO_HEADERS,
                Coupon.class);
        assertTrue(coupon.getId().startsWith("coup_"), coupon.getId());
        assertEquals(1500L, coupon.getAmountOffInCents());
        assertEquals(
                "VERANO25",
                json(assertLastRequest("POST", "/coupons")).at("/coupon/name").asText());

        assertEquals(
                coupon.getId(),
                callOk("recurrente:getCoupon?id=" + coupon.getId(), null, NO_HEADERS, Coupon.class)
                        .getId());
        assertLastRequest("GET", "/coupons/" + coupon.getId());
        assertEquals(
                1,
                callOk("recurrente:listCoupons", null, NO_HEADERS, List.class).size());
        assertLastRequest("GET", "/coupons");

        Coupon updated = callOk(
                "recurrente:updateCoupon",
                Map.of("name", "VERANO30"),
                Map.of(RecurrenteConstants.ID, coupon.getId()),
                Coupon.class);
        assertEquals("VERANO30", updated.getName());
        assertEquals(
                "VERANO30",
                json(assertLastRequest("PATCH", "/coupons/" + coupon.getId()))
                        .at("/coupon/name")
                        .asText());

        callOk("recurrente:deleteCoupon", null, Map.of(RecurrenteConstants.ID, coupon.getId()), Coupon.class);
        assertLastRequest("DELETE", "/coupons/" + coupon.getId());
    }

    @Test
    void subscriptionLifecycle() {
        Checkout checkout = callOk(
                "recurrente:createCheckout",
                CheckoutRequest.of(
                        CheckoutItem.inline("Plan mensual", 9900, "GTQ", 1).recurring("month", 1)),
                NO_HEADERS,
                Checkout.class);
        sandbox.payCheckout(checkout.getId());
        Checkout setup = callOk(
                "recurrente:createCheckout",
                CheckoutRequest.of(CheckoutItem.inline("Tarjeta nueva", 500, "GTQ", 1))
                        .mode("setup"),
                NO_HEADERS,
                Checkout.class);
        sandbox.payCheckout(setup.getId());
        String newCard = callOk("recurrente:getCheckout?id=" + setup.getId(), null, NO_HEADERS, Checkout.class)
                .getPaymentMethod()
                .getId();

        List<?> subs = callOk("recurrente:listSubscriptions", null, NO_HEADERS, List.class);
        assertEquals(1, subs.size());
        Subscription sub = (Subscription) subs.get(0);
        assertTrue(sub.getId().startsWith("su_"), sub.getId());
        assertLastRequest("GET", "/subscriptions");

        Subscription got = callOk(
                "recurrente:getSubscription", null, Map.of(RecurrenteConstants.ID, sub.getId()), Subscription.class);
        assertEquals("active", got.getStatus());
        assertLastRequest("GET", "/subscriptions/" + sub.getId());

        Subscription switched = callOk(
                "recurrente:updateSubscription",
                Map.of("payment_method_id", newCard),
                Map.of(RecurrenteConstants.ID, sub.getId()),
                Subscription.class);
        assertEquals(sub.getId(), switched.getId());
        RecordedRequest r = assertLastRequest("PUT", "/subscriptions/" + sub.getId());
        assertEquals(newCard, json(r).get("payment_method_id").asText());

        ApiMessage cancelled = callOk(
                "recurrente:cancelSubscription", null, Map.of(RecurrenteConstants.ID, sub.getId()), ApiMessage.class);
        assertEquals("Suscripción cancelada", cancelled.getMessage());
        assertLastRequest("DELETE", "/subscriptions/" + sub.getId());
        assertEquals("cancelled", sandbox.subscription(sub.getId()).get("status"));
    }

    @Test
    void createUser() {
        User user = callOk(
                "recurrente:createUser",
                new UserRequest().email("ana@example.com").fullName("Ana López"),
                NO_HEADERS,
                User.class);
        assertTrue(user.getId().startsWith("us_"), user.getId());
        assertEquals("ana@example.com", user.getEmail());
        JsonNode sent = json(assertLastRequest("POST", "/users"));
        assertEquals("Ana López", sent.get("full_name").asText());
    }

    @Test
    void customerLifecycle() {
        Customer c = callOk(
                "recurrente:createCustomer",
                new CustomerRequest()
                        .email("luis@example.com")
                        .fullName("Luis Pérez")
                        .nit("1234567-8"),
                NO_HEADERS,
                Customer.class);
        assertTrue(c.getId().startsWith("cus_"), c.getId());
        assertEquals(
                "1234567-8",
                json(assertLastRequest("POST", "/customers")).get("nit").asText());

        Customer same =
                callOk("recurrente:createCustomer", Map.of("email", "luis@example.com"), NO_HEADERS, Customer.class);
        assertEquals(c.getId(), same.getId(), "find-or-create by email");

        assertEquals(
                c.getId(),
                callOk("recurrente:getCustomer?id=" + c.getId(), null, NO_HEADERS, Customer.class)
                        .getId());
        assertLastRequest("GET", "/customers/" + c.getId());

        List<?> list = callOk("recurrente:listCustomers", null, NO_HEADERS, List.class);
        assertEquals(1, list.size(), "the {\"customers\": [...]} envelope is unwrapped");
        assertInstanceOf(Customer.class, list.get(0));

        Customer updated = callOk(
                "recurrente:updateCustomer",
                Map.of("metadata", Map.of("erp_id", "C-9")),
                Map.of(RecurrenteConstants.ID, c.getId()),
                Customer.class);
        assertEquals("C-9", updated.getMetadata().get("erp_id"));
        assertLastRequest("PUT", "/customers/" + c.getId());

        // the documented lookup by user id: GET /customers/{id}?user_id=...
        String userId = c.getUserId();
        call("recurrente:getCustomer", null, Map.of(RecurrenteConstants.USER_ID, userId));
        RecordedRequest byUser = assertLastRequest("GET", "/customers/" + userId);
        assertEquals("user_id=" + userId, byUser.query(), "no customer id: the user id is the path id too");
        call("recurrente:getCustomer?userId=" + userId, null, Map.of(RecurrenteConstants.ID, c.getId()));
        assertEquals(
                "user_id=" + userId,
                assertLastRequest("GET", "/customers/" + c.getId()).query());
    }

    @Test
    void intents() {
        paidIntentId();
        List<?> intents = callOk("recurrente:listIntents", null, NO_HEADERS, List.class);
        assertFalse(intents.isEmpty());
        Intent intent = (Intent) intents.get(0);
        assertTrue(intent.getId().startsWith("in_"), intent.getId());
        assertEquals("succeeded", intent.getStatus());
        assertLastRequest("GET", "/intents");

        Intent got = callOk("recurrente:getIntent", null, Map.of(RecurrenteConstants.ID, intent.getId()), Intent.class);
        assertEquals(intent.getId(), got.getId());
        assertEquals(15000L, got.getAmountInCents());
        assertLastRequest("GET", "/intents/" + intent.getId());
    }

    @Test
    void createTransfer() {
        Transfer t = callOk(
                "recurrente:createTransfer",
                new TransferRequest()
                        .amountInCents(2500L)
                        .currency("GTQ")
                        .recipientId("@tiendados")
                        .note("Comisión"),
                NO_HEADERS,
                Transfer.class);
        assertTrue(t.getId().startsWith("tr_"), t.getId());
        assertEquals(2500L, t.getAmountInCents());
        JsonNode sent = json(assertLastRequest("POST", "/transfers"));
        assertEquals("@tiendados", sent.get("recipient_id").asText());
    }

    @Test
    void refundByHeaderThenGet() {
        String intentId = paidIntentId();
        Refund refund = callOk(
                "recurrente:createRefund", null, Map.of(RecurrenteConstants.PAYMENT_INTENT_ID, intentId), Refund.class);
        assertTrue(refund.getId().startsWith("re_"), refund.getId());
        assertEquals(
                intentId,
                json(assertLastRequest("POST", "/refunds"))
                        .get("payment_intent_id")
                        .asText());

        Refund got = callOk("recurrente:getRefund", null, Map.of(RecurrenteConstants.ID, refund.getId()), Refund.class);
        assertEquals(refund.getId(), got.getId());
        assertLastRequest("GET", "/refunds/" + refund.getId());
    }

    @Test
    void webhookEndpoints() {
        WebhookEndpoint ep = callOk(
                "recurrente:createWebhookEndpoint",
                Map.of("url", "https://erp.example/recurrente/events", "description", "ERP"),
                NO_HEADERS,
                WebhookEndpoint.class);
        assertTrue(ep.getId().startsWith("ep_"), ep.getId());
        assertTrue(ep.getSigningSecret().startsWith("whsec_"), "signing secret only at creation");
        assertFalse(ep.toString().contains(ep.getSigningSecret()), "toString hides the signing secret");
        assertLastRequest("POST", "/webhook_endpoints");

        List<?> list = callOk("recurrente:listWebhookEndpoints", null, NO_HEADERS, List.class);
        WebhookEndpoint listed = (WebhookEndpoint) list.get(0);
        assertEquals("https://erp.example/recurrente/events", listed.getUrl());
        assertNull(listed.getSigningSecret(), "list never carries the secret");

        callOk(
                "recurrente:deleteWebhookEndpoint",
                null,
                Map.of(RecurrenteConstants.ID, ep.getId()),
                WebhookEndpoint.class);
        assertLastRequest("DELETE", "/webhook_endpoints/" + ep.getId());
        assertTrue(callOk("recurrente:listWebhookEndpoints", null, NO_HEADERS, List.class)
                .isEmpty());
    }

    @Test
    void oneTimePaymentWithSavedCard() {
        Checkout checkout = newCheckout(5000);
        sandbox.payCheckout(checkout.getId());
        String card = callOk("recurrente:getCheckout?id=" + checkout.getId(), null, NO_HEADERS, Checkout.class)
                .getPaymentMethod()
                .getId();
        assertTrue(card.startsWith("pay_m_"), card);

        OneTimePayment payment = callOk(
                "recurrente:createOneTimePayment",
                Map.of(
                        "payment_method_id",
                        card,
                        "items",
                        List.of(Map.of("name", "Recarga", "amount_in_cents", 7500, "currency", "GTQ", "quantity", 1))),
                NO_HEADERS,
                OneTimePayment.class);
        assertTrue(payment.getId().startsWith("on_"), payment.getId());
        assertEquals("paid", payment.getStatus());
        assertEquals(
                card,
                json(assertLastRequest("POST", "/one_time_payments"))
                        .get("payment_method_id")
                        .asText());
    }

    @Test
    void terminalSessionCommandIsIdempotentOnExternalId() {
        Map<String, Object> body = Map.of(
                "terminal_id", "term_1", "external_id", "pos-order-77", "amount_in_cents", 12000, "currency", "GTQ");
        Exchange first = call("recurrente:createTerminalSessionCommand", body, NO_HEADERS);
        assertNull(first.getException());
        TerminalSessionCommand cmd = first.getMessage().getBody(TerminalSessionCommand.class);
        assertEquals("pos-order-77", cmd.getExternalId());
        assertEquals(201, first.getMessage().getHeader(RecurrenteConstants.HTTP_STATUS));
        assertLastRequest("POST", "/terminal_session_commands");

        Exchange again = call("recurrente:createTerminalSessionCommand", body, NO_HEADERS);
        assertEquals(200, again.getMessage().getHeader(RecurrenteConstants.HTTP_STATUS));
        assertEquals(
                cmd.getId(),
                again.getMessage().getBody(TerminalSessionCommand.class).getId());
    }
}
