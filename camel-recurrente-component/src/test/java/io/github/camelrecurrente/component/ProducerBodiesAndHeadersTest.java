package io.github.camelrecurrente.component;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.github.camelrecurrente.component.model.Checkout;
import io.github.camelrecurrente.component.model.CheckoutItem;
import io.github.camelrecurrente.component.model.CheckoutRequest;
import io.github.camelrecurrente.component.model.PaymentIntent;
import io.github.camelrecurrente.component.model.PaymentIntentUpdateRequest;
import io.github.camelrecurrente.component.model.Refund;
import io.github.camelrecurrente.sandbox.RecordedRequest;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every accepted body form and every documented producer header.
 */
class ProducerBodiesAndHeadersTest extends SandboxTestSupport {

    private static final String CHECKOUT_JSON =
            "{\"items\":[{\"name\":\"Libro\",\"amount_in_cents\":8000," + "\"currency\":\"GTQ\",\"quantity\":1}]}";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // a route chaining the produced id into the next call, the way users write it
                from("direct:createThenGet").to("recurrente:createCheckout").to("recurrente:getCheckout");
            }
        };
    }

    private String paidIntent() {
        Checkout c = callOk("recurrente:createCheckout", CHECKOUT_JSON, Map.of(), Checkout.class);
        return (String) sandbox.payCheckout(c.getId()).get("id");
    }

    private void assertCheckoutCreatedFrom(Object body) {
        Checkout c = callOk("recurrente:createCheckout", body, Map.of(), Checkout.class);
        assertTrue(c.getId().startsWith("ch_"));
        RecordedRequest r = assertLastRequest("POST", "/checkouts");
        assertEquals(
                "Libro",
                json(r).at("/items/0/name").asText(),
                "body form " + body.getClass().getSimpleName());
    }

    @Test
    void jsonStringBody() {
        assertCheckoutCreatedFrom(CHECKOUT_JSON);
    }

    @Test
    void byteArrayBody() {
        assertCheckoutCreatedFrom(CHECKOUT_JSON.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void inputStreamBody() {
        assertCheckoutCreatedFrom(new ByteArrayInputStream(CHECKOUT_JSON.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void mapBody() {
        assertCheckoutCreatedFrom(Map.of(
                "items", List.of(Map.of("name", "Libro", "amount_in_cents", 8000, "currency", "GTQ", "quantity", 1))));
    }

    @Test
    void typedRequestBody() {
        assertCheckoutCreatedFrom(CheckoutRequest.of(CheckoutItem.inline("Libro", 8000, "GTQ", 1)));
    }

    @Test
    void operationHeaderOverridesTheEndpoint() {
        Checkout c = callOk("recurrente:createCheckout", CHECKOUT_JSON, Map.of(), Checkout.class);
        Checkout got = callOk(
                "recurrente:createCheckout",
                null,
                Map.of(RecurrenteConstants.OPERATION, "getCheckout", RecurrenteConstants.ID, c.getId()),
                Checkout.class);
        assertEquals(c.getId(), got.getId());
        assertLastRequest("GET", "/checkouts/" + c.getId());

        Exchange bad = call("recurrente:getCheckout", null, Map.of(RecurrenteConstants.OPERATION, "getCheckouts"));
        IllegalArgumentException e = assertInstanceOf(IllegalArgumentException.class, bad.getException());
        assertTrue(e.getMessage().contains("unknown operation 'getCheckouts'"), e.getMessage());
        assertTrue(e.getMessage().contains("getCheckout,"), "lists the valid operations");
    }

    @Test
    void idHeaderWinsOverTheIdOption() {
        Checkout c = callOk("recurrente:createCheckout", CHECKOUT_JSON, Map.of(), Checkout.class);
        callOk(
                "recurrente:getCheckout?id=ch_from_option",
                null,
                Map.of(RecurrenteConstants.ID, c.getId()),
                Checkout.class);
        assertLastRequest("GET", "/checkouts/" + c.getId());
    }

    @Test
    void producedIdChainsIntoTheNextCall() {
        Exchange ex =
                template.request("direct:createThenGet", e -> e.getMessage().setBody(CHECKOUT_JSON));
        assertNull(ex.getException());
        Checkout got = ex.getMessage().getBody(Checkout.class);
        assertEquals(got.getId(), ex.getMessage().getHeader(RecurrenteConstants.ID));
        assertLastRequest("GET", "/checkouts/" + got.getId());
    }

    @Test
    void idempotencyKeyHeaderIsSent() {
        callOk(
                "recurrente:createCheckout",
                CHECKOUT_JSON,
                Map.of(RecurrenteConstants.IDEMPOTENCY_KEY, "order-991"),
                Checkout.class);
        assertEquals("order-991", lastApiRequest().header("Idempotency-Key"));
        callOk("recurrente:createCheckout?sendIdempotencyKey=false", CHECKOUT_JSON, Map.of(), Checkout.class);
        assertNull(lastApiRequest().header("Idempotency-Key"));
        callOk(
                "recurrente:getCheckout",
                null,
                Map.of(
                        RecurrenteConstants.ID,
                        callOk("recurrente:createCheckout", CHECKOUT_JSON, Map.of(), Checkout.class)
                                .getId()),
                Checkout.class);
        assertNull(lastApiRequest().header("Idempotency-Key"), "only creates carry one");
    }

    @Test
    void taxInvoiceUrlFromHeaderAndFromTypedRequest() {
        String intentId = paidIntent();
        PaymentIntent pi = callOk(
                "recurrente:updatePaymentIntent",
                null,
                Map.of(
                        RecurrenteConstants.ID,
                        intentId,
                        RecurrenteConstants.TAX_INVOICE_URL,
                        "https://fel.example/A-1.pdf"),
                PaymentIntent.class);
        assertEquals("https://fel.example/A-1.pdf", pi.getTaxInvoiceUrl());
        assertEquals(
                "https://fel.example/A-1.pdf",
                json(assertLastRequest("PATCH", "/payment_intents/" + intentId))
                        .at("/payment_intent/tax_invoice_url")
                        .asText());

        pi = callOk(
                "recurrente:updatePaymentIntent?updateMethod=PUT",
                new PaymentIntentUpdateRequest().taxInvoiceUrl("https://fel.example/A-2.pdf"),
                Map.of(RecurrenteConstants.ID, intentId),
                PaymentIntent.class);
        assertEquals("https://fel.example/A-2.pdf", pi.getTaxInvoiceUrl());
        assertLastRequest("PUT", "/payment_intents/" + intentId);
        assertEquals(
                "https://fel.example/A-2.pdf", sandbox.paymentIntent(intentId).get("tax_invoice_url"));
    }

    @Test
    void updateMethodPutForCheckouts() {
        Checkout c = callOk("recurrente:createCheckout", CHECKOUT_JSON, Map.of(), Checkout.class);
        callOk(
                "recurrente:updateCheckout?updateMethod=PUT",
                Map.of("cancel_url", "https://x.example/c"),
                Map.of(RecurrenteConstants.ID, c.getId()),
                Checkout.class);
        assertLastRequest("PUT", "/checkouts/" + c.getId());
    }

    @Test
    void refundFromABodyThatIsJustTheIntentId() {
        String intentId = paidIntent();
        Refund refund = callOk("recurrente:createRefund", intentId, Map.of(), Refund.class);
        assertTrue(refund.getId().startsWith("re_"));
        assertEquals(
                intentId,
                json(assertLastRequest("POST", "/refunds"))
                        .get("payment_intent_id")
                        .asText());
    }

    @Test
    void listHeadersOverrideOptions() {
        sandbox.seedCheckouts(30);
        Exchange ex = call(
                "recurrente:listCheckouts?items=5&page=1",
                null,
                Map.of(RecurrenteConstants.ITEMS, 7, RecurrenteConstants.PAGE, 2));
        assertEquals(7, ex.getMessage().getBody(List.class).size());
        assertEquals(2, ex.getMessage().getHeader(RecurrenteConstants.CURRENT_PAGE));
        String q = lastApiRequest().query();
        assertTrue(q.contains("items=7") && q.contains("page=2"), q);

        Exchange all = call("recurrente:listCheckouts", null, Map.of(RecurrenteConstants.ALL_PAGES, true));
        assertInstanceOf(java.util.Iterator.class, all.getMessage().getBody());
    }

    @Test
    void userIdFilter() {
        callOk("recurrente:listCheckouts", null, Map.of(RecurrenteConstants.USER_ID, "us_abc"), List.class);
        assertTrue(
                lastApiRequest().query().contains("user_id=us_abc"),
                lastApiRequest().query());
        callOk("recurrente:listCheckouts?userId=us_def", null, Map.of(), List.class);
        assertTrue(
                lastApiRequest().query().contains("user_id=us_def"),
                lastApiRequest().query());
    }

    @Test
    void getIgnoresWhateverBodyTheExchangeCarries() {
        Checkout c = callOk("recurrente:createCheckout", CHECKOUT_JSON, Map.of(), Checkout.class);
        Checkout got = callOk(
                "recurrente:getCheckout",
                "this is not json and is ignored",
                Map.of(RecurrenteConstants.ID, c.getId()),
                Checkout.class);
        assertEquals(c.getId(), got.getId());
        assertEquals(0, lastApiRequest().body().length);
    }
}
