package io.github.camelrecurrente.component.converter;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.github.camelrecurrente.component.SandboxTestSupport;
import io.github.camelrecurrente.component.model.Checkout;
import io.github.camelrecurrente.component.model.CheckoutItem;
import io.github.camelrecurrente.component.model.CheckoutRequest;
import io.github.camelrecurrente.component.model.RecurrenteJson;
import io.github.camelrecurrente.component.model.RefundRequest;
import io.github.camelrecurrente.component.model.WebhookEndpoint;
import io.github.camelrecurrente.component.model.event.PaymentIntentEvent;
import io.github.camelrecurrente.component.model.event.RecurrenteEvent;
import io.github.camelrecurrente.component.model.event.RecurrenteEvents;
import org.apache.camel.Exchange;
import org.apache.camel.TypeConversionException;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The generated converter loader is found by Camel, typed results convert to the API's snake_case JSON (String,
 * byte[], InputStream, through convertBodyTo and camel-http), and JSON or Maps convert to request types with errors
 * that name the field.
 */
class RecurrenteTypeConvertersTest extends SandboxTestSupport {

    private HttpServer erp;
    private final BlockingQueue<String[]> received = new ArrayBlockingQueue<>(4);

    @AfterEach
    void stopErp() {
        if (erp != null) {
            erp.stop(0);
        }
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:checkoutAsText").to("recurrente:createCheckout").convertBodyTo(String.class);
                from("direct:checkoutToErp")
                        .to("recurrente:createCheckout")
                        .to("recurrente:getCheckout")
                        .toD("${exchangeProperty.erpUrl}");
            }
        };
    }

    private static CheckoutRequest request() {
        return CheckoutRequest.of(CheckoutItem.inline("Camisa típica", 15000, "GTQ", 2))
                .successUrl("https://tienda.example/ok")
                .putMetadata("order_id", "A-17");
    }

    @Test
    void convertBodyToStringAfterCreateCheckoutGivesSnakeCaseJson() throws Exception {
        Exchange ex =
                template.request("direct:checkoutAsText", e -> e.getMessage().setBody(request()));
        assertNull(ex.getException());
        Object body = ex.getMessage().getBody();
        assertInstanceOf(String.class, body);
        JsonNode json = RecurrenteJson.mapper().readTree((String) body);
        assertTrue(json.get("id").asText().startsWith("ch_"), (String) body);
        assertTrue(json.has("checkout_url"), "snake_case field names: " + body);
        assertFalse(((String) body).contains("checkoutUrl"), (String) body);
        assertFalse(((String) body).contains("Checkout{"), "not toString(): " + body);
    }

    @Test
    void typedResultSentThroughCamelHttpArrivesAsJson() throws Exception {
        erp = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        erp.createContext("/erp/checkouts", h -> {
            byte[] in = h.getRequestBody().readAllBytes();
            received.add(new String[] {h.getRequestMethod(), new String(in, StandardCharsets.UTF_8)});
            h.sendResponseHeaders(204, -1);
            h.close();
        });
        erp.start();
        String url = "http://127.0.0.1:" + erp.getAddress().getPort() + "/erp/checkouts?httpMethod=POST";

        Exchange ex = template.request("direct:checkoutToErp", e -> {
            e.getMessage().setBody(request());
            e.setProperty("erpUrl", url);
        });
        assertNull(ex.getException(), () -> String.valueOf(ex.getException()));
        String[] got = received.poll(10, TimeUnit.SECONDS);
        assertNotNull(got, "the ERP received the checkout");
        assertEquals("POST", got[0]);
        JsonNode json = RecurrenteJson.mapper().readTree(got[1]);
        assertTrue(json.get("id").asText().startsWith("ch_"), got[1]);
        assertEquals("unpaid", json.get("status").asText(), got[1]);
        assertEquals(30000, json.get("total_in_cents").asLong(), "snake_case: " + got[1]);
        assertEquals("A-17", json.at("/metadata/order_id").asText(), got[1]);
    }

    @Test
    void modelToStringBytesAndInputStream() throws Exception {
        Checkout checkout = new Checkout();
        checkout.setId("ch_123");
        checkout.setCheckoutUrl("https://app.recurrente.com/checkout-session/ch_123");
        checkout.setAdditionalProperty("future_field", 7);
        String text = context.getTypeConverter().mandatoryConvertTo(String.class, checkout);
        assertEquals(
                "{\"id\":\"ch_123\",\"checkout_url\":\"https://app.recurrente.com/checkout-session/ch_123\","
                        + "\"future_field\":7}",
                text);
        byte[] bytes = context.getTypeConverter().mandatoryConvertTo(byte[].class, checkout);
        assertEquals(text, new String(bytes, StandardCharsets.UTF_8));
        try (InputStream in = context.getTypeConverter().mandatoryConvertTo(InputStream.class, checkout)) {
            assertEquals(text, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertEquals("Checkout{id=ch_123, status=null}", checkout.toString(), "toString stays short");
    }

    @Test
    void webhookEndpointSigningSecretNeverReachesTheJsonText() throws Exception {
        WebhookEndpoint endpoint = context.getTypeConverter()
                .mandatoryConvertTo(
                        WebhookEndpoint.class,
                        "{\"id\":\"ep_1\",\"url\":\"https://x.example/hook\",\"signingSecret\":\"whsec_c2VjcmV0\"}");
        assertEquals("whsec_c2VjcmV0", endpoint.getSigningSecret(), "read from JSON");
        String text = context.getTypeConverter().mandatoryConvertTo(String.class, endpoint);
        assertEquals("{\"id\":\"ep_1\",\"url\":\"https://x.example/hook\",\"signingSecret\":\"****\"}", text);
        String list = context.getTypeConverter().mandatoryConvertTo(String.class, List.of(endpoint));
        assertFalse(list.contains("whsec_"), list);
        assertEquals("whsec_c2VjcmV0", endpoint.getSigningSecret(), "the object keeps its secret");
    }

    @Test
    void eventAndListConvertToJson() throws Exception {
        byte[] payload = ("{\"id\":\"pa_1\",\"event_type\":\"payment_intent.succeeded\",\"amount_in_cents\":15000,"
                        + "\"currency\":\"GTQ\",\"created_at\":\"2026-01-05T10:00:00.000-06:00\"}")
                .getBytes(StandardCharsets.UTF_8);
        RecurrenteEvent event = RecurrenteEvents.parse(payload);
        String text = context.getTypeConverter().mandatoryConvertTo(String.class, event);
        JsonNode json = RecurrenteJson.mapper().readTree(text);
        assertEquals("payment_intent.succeeded", json.get("event_type").asText());
        assertEquals("2026-01-05T10:00:00-06:00", json.get("created_at").asText(), "ISO date, original offset");
        assertEquals(15000, json.get("amount_in_cents").asLong());

        Checkout a = new Checkout();
        a.setId("ch_a");
        Checkout b = new Checkout();
        b.setId("ch_b");
        String list = context.getTypeConverter().mandatoryConvertTo(String.class, List.of(a, b));
        assertEquals("[{\"id\":\"ch_a\"},{\"id\":\"ch_b\"}]", list);
        assertEquals(
                "[x, y]",
                context.getTypeConverter().convertTo(String.class, List.of("x", "y")),
                "other lists are not touched");
    }

    @Test
    void jsonAndMapConvertToRequestTypesAndEvents() throws Exception {
        CheckoutRequest fromJson = context.getTypeConverter()
                .mandatoryConvertTo(
                        CheckoutRequest.class,
                        "{\"items\":[{\"name\":\"Camisa\",\"amount_in_cents\":\"15000\",\"currency\":\"GTQ\",\"quantity\":1}],"
                                + "\"success_url\":\"https://tienda.example/ok\"}");
        assertEquals(15000L, fromJson.getItems().get(0).getAmountInCents());
        assertEquals("https://tienda.example/ok", fromJson.getSuccessUrl());

        RefundRequest fromMap =
                context.getTypeConverter().mandatoryConvertTo(RefundRequest.class, Map.of("payment_intent_id", "pa_9"));
        assertEquals("pa_9", fromMap.getPaymentIntentId());

        RefundRequest fromBytes = context.getTypeConverter()
                .mandatoryConvertTo(RefundRequest.class, "{\"intent_id\":\"in_4\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals("in_4", fromBytes.getIntentId());

        RecurrenteEvent event = context.getTypeConverter()
                .mandatoryConvertTo(
                        RecurrenteEvent.class, "{\"id\":\"pa_1\",\"event_type\":\"payment_intent.succeeded\"}");
        assertInstanceOf(PaymentIntentEvent.class, event);

        WebhookEndpoint endpoint = context.getTypeConverter()
                .mandatoryConvertTo(WebhookEndpoint.class, Map.of("id", "ep_1", "url", "https://x.example/hook"));
        assertEquals("ep_1", endpoint.getId());
    }

    @Test
    void badInputNamesTheFieldWithoutAStackTrace() {
        TypeConversionException e = assertThrows(
                TypeConversionException.class,
                () -> context.getTypeConverter()
                        .mandatoryConvertTo(
                                CheckoutRequest.class,
                                "{\"items\":[{\"name\":\"Camisa\",\"amount_in_cents\":\"quince\"}]}"));
        RecurrenteConversionException cause = assertInstanceOf(RecurrenteConversionException.class, e.getCause());
        assertTrue(
                cause.getMessage().startsWith("CheckoutRequest: field items[0].amount_in_cents cannot be read as"),
                cause.getMessage());
        assertFalse(cause.getMessage().contains("\n"), cause.getMessage());
        assertFalse(cause.getMessage().contains("at com.fasterxml"), cause.getMessage());

        TypeConversionException notJson = assertThrows(
                TypeConversionException.class,
                () -> context.getTypeConverter().mandatoryConvertTo(CheckoutRequest.class, "{\"items\": [}"));
        assertEquals(
                "CheckoutRequest: not valid JSON at line 1, column 12: Unexpected close marker '}': " + "expected ']'",
                notJson.getCause().getMessage());

        TypeConversionException empty = assertThrows(
                TypeConversionException.class,
                () -> context.getTypeConverter().mandatoryConvertTo(RefundRequest.class, "  "));
        assertEquals(
                "RefundRequest: body is empty, expected a JSON object",
                empty.getCause().getMessage());
    }
}
