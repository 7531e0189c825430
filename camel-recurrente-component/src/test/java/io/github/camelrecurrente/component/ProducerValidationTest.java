package io.github.camelrecurrente.component;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelrecurrente.component.model.CheckoutItem;
import io.github.camelrecurrente.component.model.CheckoutRequest;
import io.github.camelrecurrente.component.model.RecurrenteJson;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Invalid requests fail before any HTTP call, with a message naming the field and the rule.
 */
class ProducerValidationTest extends SandboxTestSupport {

    private RecurrenteValidationException rejected(String uri, Object body, Map<String, Object> headers, String field) {
        int before = sandbox.requests().size();
        Exchange ex = call(uri, body, headers);
        RecurrenteValidationException e = assertInstanceOf(
                RecurrenteValidationException.class, ex.getException(), "expected a validation error for " + field);
        assertEquals(field, e.getField());
        assertTrue(e.getMessage().contains(field), e.getMessage());
        assertEquals(before, sandbox.requests().size(), "no HTTP call was made");
        return e;
    }

    private static Map<String, Object> item(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void currencyMustBeGtqOrUsd() {
        RecurrenteValidationException e = rejected(
                "recurrente:createCheckout",
                CheckoutRequest.of(CheckoutItem.inline("x", 1000, "EUR", 1)),
                Map.of(),
                "items[0].currency");
        assertTrue(e.getRule().contains("GTQ or USD"), e.getRule());
        assertTrue(e.getRule().contains("EUR"), e.getRule());
    }

    @Test
    void quantityBetweenOneAndNine() {
        RecurrenteValidationException e = rejected(
                "recurrente:createCheckout",
                CheckoutRequest.of(CheckoutItem.inline("x", 1000, "GTQ", 10)),
                Map.of(),
                "items[0].quantity");
        assertTrue(e.getRule().contains("between 1 and 9"), e.getRule());
        rejected(
                "recurrente:createCheckout",
                Map.of("items", List.of(item("name", "x", "amount_in_cents", 1000, "currency", "GTQ", "quantity", 0))),
                Map.of(),
                "items[0].quantity");
    }

    @Test
    void amountMustBePositive() {
        RecurrenteValidationException e = rejected(
                "recurrente:createCheckout",
                "{\"items\":[{\"name\":\"x\",\"amount_in_cents\":-1,\"currency\":\"GTQ\",\"quantity\":1}]}",
                Map.of(),
                "items[0].amount_in_cents");
        assertTrue(e.getRule().contains("0 or more"), e.getRule());
        rejected(
                "recurrente:createTransfer",
                Map.of("amount_in_cents", -5, "currency", "GTQ", "recipient_id", "@x"),
                Map.of(),
                "amount_in_cents");
        rejected(
                "recurrente:createProduct",
                Map.of("name", "p", "prices_attributes", List.of(item("amount_in_cents", 0, "currency", "GTQ"))),
                Map.of(),
                "product.prices_attributes[0].amount_in_cents");
    }

    @Test
    void theCardUpdateShapesPassTheValidator() {
        // the card-update guide: a checkout whose item has amount_in_cents 0 (charge_type one_time), and a
        // mode: setup checkout without items; both must reach the API (whatever the sandbox answers)
        CheckoutRequest cardUpdate = new CheckoutRequest()
                .mode("setup")
                .addItem(CheckoutItem.inline("Actualizar tarjeta", 0, "GTQ", 1).chargeType("one_time"));
        RequestValidator.validateCheckout(cardUpdate);
        RequestValidator.validate(
                RecurrenteOperation.createCheckout, RecurrenteJson.mapper().valueToTree(cardUpdate));
        RequestValidator.validate(
                RecurrenteOperation.createCheckout,
                RecurrenteJson.mapper().valueToTree(Map.of("mode", "setup", "customer_id", "cus_1")));
        RequestValidator.validateCheckout(new CheckoutRequest().mode("setup"));
        int before = sandbox.requests().size();
        call("recurrente:createCheckout", Map.of("mode", "setup"), Map.of());
        assertEquals(before + 1, sandbox.requests().size(), "sent to the API");
    }

    @Test
    void updatePaymentIntentRefusesAUnifiedIntentIdBeforeAnyCall() {
        RecurrenteValidationException e = rejected(
                "recurrente:updatePaymentIntent",
                Map.of("tax_invoice_url", "https://fel.example/f1"),
                Map.of(RecurrenteConstants.ID, "in_9x8y7z6w"),
                "id");
        assertTrue(e.getRule().contains("pa_") && e.getRule().contains("in_9x8y7z6w"), e.getRule());
        assertTrue(e.getRule().contains(RecurrenteConstants.PAYMENT_INTENT_ID), e.getRule());
    }

    @Test
    void createRefundSendsPaymentIntentIdAndRefusesAUnifiedIntentId() {
        RecurrenteValidationException e = rejected(
                "recurrente:createRefund",
                null,
                Map.of(RecurrenteConstants.PAYMENT_INTENT_ID, "in_123"),
                "payment_intent_id");
        assertTrue(e.getRule().contains("pa_"), e.getRule());
        rejected("recurrente:createRefund", "in_456", Map.of(), "payment_intent_id");
    }

    @Test
    void aPartialRefundIsPassedThroughWithOneWarningPerEndpoint() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            for (int i = 0; i < 3; i++) {
                call(
                        "recurrente:createRefund",
                        Map.of("payment_intent_id", "pa_missing" + i, "amount_in_cents", 500),
                        Map.of());
            }
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        JsonNode sent = json(assertLastRequest("POST", "/refunds"));
        assertEquals(500, sent.get("amount_in_cents").asInt(), "passed through as set");
        assertEquals("pa_missing2", sent.get("payment_intent_id").asText());
        int warnings = log.split("amount_in_cents \\(a partial refund\\)", -1).length - 1;
        assertEquals(1, warnings, "one WARN for the endpoint: " + log);
        assertTrue(log.contains("full refunds"), log);
    }

    @Test
    void itemsAreRequired() {
        rejected("recurrente:createCheckout", Map.of("success_url", "https://x.example"), Map.of(), "items");
        rejected("recurrente:createCheckout", Map.of("items", List.of()), Map.of(), "items");
    }

    @Test
    void metadataLimits() {
        Map<String, Object> tooMany = new HashMap<>();
        for (int i = 0; i < 51; i++) {
            tooMany.put("k" + i, "v");
        }
        CheckoutRequest base = CheckoutRequest.of(CheckoutItem.inline("x", 1000, "GTQ", 1));
        RecurrenteValidationException e =
                rejected("recurrente:createCheckout", base.metadata(tooMany), Map.of(), "metadata");
        assertTrue(e.getRule().contains("50 keys"), e.getRule());

        String longKey = "k".repeat(41);
        e = rejected(
                "recurrente:createCheckout",
                CheckoutRequest.of(CheckoutItem.inline("x", 1000, "GTQ", 1)).metadata(Map.of(longKey, "v")),
                Map.of(),
                "metadata." + longKey);
        assertTrue(e.getRule().contains("40 characters"), e.getRule());

        e = rejected(
                "recurrente:createCheckout",
                CheckoutRequest.of(CheckoutItem.inline("x", 1000, "GTQ", 1)).metadata(Map.of("nota", "x".repeat(501))),
                Map.of(),
                "metadata.nota");
        assertTrue(e.getRule().contains("500 characters"), e.getRule());
    }

    @Test
    void idIsRequiredForGetUpdateDeleteCancel() {
        for (String op : List.of(
                "getCheckout",
                "updateCheckout",
                "deleteProduct",
                "cancelSubscription",
                "updatePaymentIntent",
                "getRefund")) {
            RecurrenteValidationException e =
                    rejected("recurrente:" + op, "{\"tax_invoice_url\":\"https://x\"}", Map.of(), "id");
            assertTrue(e.getMessage().contains(RecurrenteConstants.ID), e.getMessage());
        }
    }

    @Test
    void bodyMustBeJson() {
        RecurrenteValidationException e = rejected("recurrente:createCheckout", "{\"items\": [", Map.of(), "body");
        assertTrue(e.getRule().contains("not valid JSON"), e.getRule());
        e = rejected("recurrente:createCheckout", "hola", Map.of(), "body");
        assertTrue(e.getRule().contains("not JSON"), e.getRule());
    }

    @Test
    void refundNeedsAPaymentIntent() {
        rejected("recurrente:createRefund", Map.of("amount_in_cents", 500), Map.of(), "payment_intent_id");
    }

    @Test
    void taxInvoiceUrlMustBeAUrl() {
        rejected(
                "recurrente:updatePaymentIntent",
                "{\"tax_invoice_url\": \"ftp://nope\"}",
                Map.of(RecurrenteConstants.ID, "pa_123"),
                "payment_intent.tax_invoice_url");
    }

    @Test
    void pageSizeWithinLimits() {
        rejected("recurrente:listCheckouts?items=101", null, Map.of(), "items");
        rejected("recurrente:listCheckouts", null, Map.of(RecurrenteConstants.PAGE, 0), "page");
    }

    @Test
    void validationCanBeSwitchedOffAndTheApiAnswers422() {
        Exchange ex = call(
                "recurrente:createCheckout?validateRequests=false",
                CheckoutRequest.of(CheckoutItem.inline("x", 1000, "EUR", 1)),
                Map.of());
        RecurrenteApiException e = assertInstanceOf(RecurrenteApiException.class, ex.getException());
        assertEquals(422, e.getStatusCode());
        assertTrue(
                e.getFieldErrors().keySet().stream().anyMatch(k -> k.contains("currency")),
                "field errors " + e.getFieldErrors());
    }

    @Test
    void missingSecretKeyIsAClearStartupError() throws Exception {
        RecurrenteComponent other = new RecurrenteComponent();
        context.addComponent("recurrente-nokeys", other);
        Exception thrown = org.junit.jupiter.api.Assertions.assertThrows(
                Exception.class, () -> call("recurrente-nokeys:testCredentials", null, Map.of()));
        Throwable e = thrown;
        while (e != null && !(e instanceof IllegalArgumentException)) {
            e = e.getCause();
        }
        assertTrue(e != null && e.getMessage().contains("secretKey option is not set"), String.valueOf(thrown));
    }
}
