package io.github.camelrecurrente.component;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.camelrecurrente.component.model.Checkout;
import io.github.camelrecurrente.component.model.CheckoutItem;
import io.github.camelrecurrente.component.model.CheckoutRequest;
import io.github.camelrecurrente.component.model.RecurrenteJson;
import io.github.camelrecurrente.component.model.TransferSetup;
import io.github.camelrecurrente.sandbox.Fault;
import io.github.camelrecurrente.sandbox.RecordedRequest;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tree-free path for a typed createCheckout body: when it is taken, that it sends exactly the bytes the JSON
 * tree path sends, and that idempotency keys, retries and validateRequests=false behave as before.
 */
class ProducerTypedCheckoutTest extends SandboxTestSupport {

    private static final RecurrenteOperation OP = RecurrenteOperation.createCheckout;

    private final RequestBodyReader reader = new RequestBodyReader();

    private Message message(Object body) {
        Message m = new DefaultMessage(context);
        m.setBody(body);
        return m;
    }

    /** What the producer sent before the typed path existed: the body's tree, written. */
    private byte[] treeBytes(Object body) throws Exception {
        return RecurrenteJson.mapper().writeValueAsBytes(reader.read(OP, message(body)));
    }

    private static CheckoutItem item() {
        return CheckoutItem.inline("Plan básico", 15000, "GTQ", 1);
    }

    private static long count(String method, String path) {
        return sandbox.requests().stream()
                .filter(r -> r.method().equals(method) && r.path().equals(path))
                .count();
    }

    static Stream<CheckoutRequest> requests() {
        Map<String, Object> scalars = new LinkedHashMap<>();
        scalars.put("string", "ORD-1");
        scalars.put("int", 42);
        scalars.put("long", Long.MIN_VALUE);
        scalars.put("short", (short) 7);
        scalars.put("byte", (byte) -1);
        scalars.put("double", 0.1);
        scalars.put("big double", 1.5e300);
        scalars.put("negative zero", -0.0);
        scalars.put("nan", Double.NaN);
        scalars.put("infinity", Double.NEGATIVE_INFINITY);
        scalars.put("float", 0.1f);
        scalars.put("bool", false);
        scalars.put("null (delete this key)", null);
        scalars.put("", "empty key");
        return Stream.of(
                // the bench's sample request
                CheckoutRequest.of(new CheckoutItem()
                                .name("Suscripción mensual, plan básico")
                                .currency("GTQ")
                                .amountInCents(15000L)
                                .quantity(1))
                        .successUrl("https://tienda.example.com/gracias")
                        .cancelUrl("https://tienda.example.com/carrito")
                        .putMetadata("order_id", "ORD-2026-000123")
                        .putMetadata("channel", "web"),
                new CheckoutRequest(),
                CheckoutRequest.setup().customerId("cus_1"),
                CheckoutRequest.of().transferSetups(new ArrayList<>()).metadata(new LinkedHashMap<>()),
                CheckoutRequest.of(item(), CheckoutItem.ofPrice("price_1"), CheckoutItem.ofProduct("prod_1"))
                        .metadata(scalars),
                CheckoutRequest.of(item().recurring("month", 1)
                                .description("d")
                                .imageUrl("https://i.example/a.png")
                                .freeTrialInterval("week")
                                .freeTrialIntervalCount(2)
                                .periodsBeforeAutomaticCancellation(12)
                                .hasDynamicPricing(false)
                                .customTermsAndConditions("t")
                                .billingCycleAnchorDay(31)
                                .prorationBehavior("none")
                                .deferToBillingDay(true)
                                .paymentMethodTypes(Arrays.asList("card", null))
                                .availableInstallments(List.of(3, 6, 12))
                                .metadata(scalars))
                        .userId("us_1")
                        .customAccountId("acct_1")
                        .mode("payment")
                        .paymentMethodTypes(new ArrayList<>(Arrays.asList("card", null, "")))
                        .addTransferSetup(TransferSetup.of(500, "us_2"))
                        .addTransferSetup(TransferSetup.of(1, null))
                        .addTransferSetup(new TransferSetup()),
                // text that needs escaping, and blank or empty strings (kept as they are)
                CheckoutRequest.of(item().name("\"comillas\" \\ barra\n\ttab \u0001 € 😀 </script>")
                                .currency(""))
                        .successUrl("")
                        .cancelUrl(" ")
                        .putMetadata("ñandú", "línea\r\nnueva"),
                // dates: offsets, Z, fractions, no seconds, far past and future
                CheckoutRequest.of(item()).expiresAt(OffsetDateTime.parse("2026-05-01T10:00:00-06:00")),
                CheckoutRequest.of(item()).expiresAt(OffsetDateTime.parse("2026-05-01T10:00:00Z")),
                CheckoutRequest.of(item()).expiresAt(OffsetDateTime.parse("2026-05-01T10:00:00.123456789+05:45")),
                CheckoutRequest.of(item()).expiresAt(OffsetDateTime.parse("2026-05-01T10:00:00.120Z")),
                CheckoutRequest.of(item()).expiresAt(OffsetDateTime.parse("2026-05-01T10:00-06:00")),
                CheckoutRequest.of(item()).expiresAt(OffsetDateTime.parse("0001-01-01T00:00:00+18:00")),
                CheckoutRequest.of(item()).expiresAt(OffsetDateTime.parse("+12026-12-31T23:59:59.999-18:00")),
                // invalid requests are written the same too (validateRequests=false sends them)
                CheckoutRequest.of(item().currency("EUR").amountInCents(-5L).quantity(99))
                        .addTransferSetup(TransferSetup.of(0, " ")),
                // many items, extreme numbers
                CheckoutRequest.of(
                        item(),
                        item().amountInCents(Long.MAX_VALUE).quantity(Integer.MIN_VALUE),
                        item().amountInCents(Long.MIN_VALUE),
                        new CheckoutItem(),
                        item().metadata(Map.of()),
                        item().availableInstallments(new ArrayList<>(Arrays.asList(1, null)))));
    }

    @ParameterizedTest
    @MethodSource("requests")
    void typedBytesAreTheTreeBytes(CheckoutRequest request) throws Exception {
        assertSame(request, RequestBodyReader.typedCheckout(OP, message(request)), "takes the typed path");
        byte[] typed = reader.writeCheckout(request);
        byte[] tree = treeBytes(request);
        assertNotNull(typed);
        assertEquals(new String(tree, StandardCharsets.UTF_8), new String(typed, StandardCharsets.UTF_8));
        assertTrue(Arrays.equals(tree, typed), "identical bytes");
    }

    /** A CheckoutItem subclass: its JSON may have more fields than the typed view knows. */
    static class SpecialItem extends CheckoutItem {}

    /** A CheckoutRequest subclass. */
    static class SpecialRequest extends CheckoutRequest {}

    private static void assertTreePath(String why, CheckoutRequest request) {
        assertFalse(RequestBodyReader.sameAsTree(request), why);
    }

    @Test
    void anythingTheTypedViewCouldMissTakesTheTreePath() {
        CheckoutRequest extra = CheckoutRequest.of(item());
        extra.setAdditionalProperty("note", "x");
        assertTreePath("additional property on the request", extra);
        CheckoutItem extraItem = item();
        extraItem.setAdditionalProperty("quantity", 12);
        assertTreePath("additional property on an item", CheckoutRequest.of(item(), extraItem));
        TransferSetup extraSetup = TransferSetup.of(100, "us_1");
        extraSetup.setAdditionalProperty("currency", "GTQ");
        assertTreePath(
                "additional property on a transfer setup",
                CheckoutRequest.of(item()).addTransferSetup(extraSetup));

        assertTreePath("nested metadata value", CheckoutRequest.of(item()).putMetadata("a", Map.of("b", "c")));
        assertTreePath("list metadata value", CheckoutRequest.of(item()).putMetadata("tags", List.of("a")));
        assertTreePath(
                "BigDecimal metadata value (a tree drops trailing zeros)",
                CheckoutRequest.of(item()).putMetadata("price", new BigDecimal("1.50")));
        assertTreePath("BigInteger metadata value", CheckoutRequest.of(item()).putMetadata("n", BigInteger.TEN));
        assertTreePath("char metadata value", CheckoutRequest.of(item()).putMetadata("c", 'x'));
        assertTreePath(
                "object metadata value",
                CheckoutRequest.of(item()).putMetadata("when", OffsetDateTime.parse("2026-05-01T10:00:00Z")));
        assertTreePath("non-scalar item metadata", CheckoutRequest.of(item().metadata(Map.of("a", List.of(1)))));
        Map<String, Object> nullKey = new HashMap<>();
        nullKey.put(null, "v");
        assertTreePath("null metadata key", CheckoutRequest.of(item()).metadata(nullKey));

        assertTreePath("null item", CheckoutRequest.of(item()).addItem(null));
        assertTreePath("item subclass", CheckoutRequest.of(new SpecialItem()));
        assertTreePath("null transfer setup", CheckoutRequest.of(item()).addTransferSetup(null));
        @SuppressWarnings({"unchecked", "rawtypes"})
        List<String> polluted = (List) new ArrayList<>(List.of(new BigDecimal("1.0")));
        assertTreePath("heap-polluted string list", CheckoutRequest.of(item()).paymentMethodTypes(polluted));

        assertNull(RequestBodyReader.typedCheckout(OP, message(new SpecialRequest())), "request subclass");
        assertNull(RequestBodyReader.typedCheckout(OP, message(Map.of("items", List.of()))), "a Map");
        assertNull(RequestBodyReader.typedCheckout(OP, message("{\"items\":[]}")), "JSON text");
        assertNull(
                RequestBodyReader.typedCheckout(
                        RecurrenteOperation.updateCheckout, message(CheckoutRequest.of(item()))),
                "another operation");

        CheckoutRequest emptied = CheckoutRequest.of(item());
        emptied.getAdditionalProperties(); // creates an empty map: still nothing undeclared
        emptied.setAdditionalProperty("gone", 1);
        emptied.removeAdditionalProperty("gone");
        assertTrue(RequestBodyReader.sameAsTree(emptied), "an empty additional-properties map is nothing");
    }

    private RecurrenteValidationException rejected(Object body) {
        int before = sandbox.requests().size();
        Exchange ex = call("recurrente:createCheckout", body, Map.of());
        RecurrenteValidationException e = assertInstanceOf(RecurrenteValidationException.class, ex.getException());
        assertEquals(before, sandbox.requests().size(), "no HTTP call was made");
        return e;
    }

    @Test
    void treePathResultsAreUnchangedWhereTheTypedViewWouldDiffer() throws Exception {
        // a list whose JSON text is 501 characters (its toString() is shorter): the tree's length is reported
        CheckoutRequest longJson = CheckoutRequest.of(item()).putMetadata("tags", List.of("x".repeat(497)));
        RecurrenteValidationException e = rejected(longJson);
        assertEquals("metadata.tags", e.getField());
        assertEquals("value may be at most 500 characters, has 501", e.getRule());

        // an undeclared "metadata" replaces the declared one in the tree: the tree's is validated
        CheckoutRequest shadowed = CheckoutRequest.of(item()).putMetadata("ok", "v");
        Map<String, Object> tooMany = new LinkedHashMap<>();
        for (int i = 0; i < 51; i++) {
            tooMany.put("k" + i, i);
        }
        shadowed.setAdditionalProperty("metadata", tooMany);
        assertEquals("metadata", rejected(shadowed).getField());

        CheckoutItem shadowedItem = item();
        shadowedItem.setAdditionalProperty("quantity", 12);
        assertEquals(
                "items[0].quantity", rejected(CheckoutRequest.of(shadowedItem)).getField());

        // and what is sent is still the tree's bytes
        CheckoutRequest extra = CheckoutRequest.of(item()).putMetadata("tags", List.of("a", "b"));
        extra.setAdditionalProperty("note", Map.of("x", 1));
        callOk("recurrente:createCheckout", extra, Map.of(), Checkout.class);
        assertEquals(
                new String(treeBytes(extra), StandardCharsets.UTF_8),
                lastApiRequest().bodyText());
    }

    @Test
    void typedCheckoutIsSentAsItsTreeWouldBe() throws Exception {
        CheckoutRequest request = requests().findFirst().orElseThrow();
        Exchange ex = call("recurrente:createCheckout", request, Map.of());
        assertNull(ex.getException());
        Checkout checkout = assertInstanceOf(Checkout.class, ex.getMessage().getBody());
        assertEquals(checkout.getId(), ex.getMessage().getHeader(RecurrenteConstants.ID));
        RecordedRequest sent = assertLastRequest("POST", "/checkouts");
        assertEquals(new String(treeBytes(request), StandardCharsets.UTF_8), sent.bodyText());
        assertEquals("camel-" + ex.getExchangeId() + "-createCheckout", sent.header("Idempotency-Key"));

        callOk(
                "recurrente:createCheckout",
                request,
                Map.of(RecurrenteConstants.IDEMPOTENCY_KEY, "order-42"),
                Checkout.class);
        assertEquals("order-42", lastApiRequest().header("Idempotency-Key"));
        callOk("recurrente:createCheckout?sendIdempotencyKey=false", request, Map.of(), Checkout.class);
        assertNull(lastApiRequest().header("Idempotency-Key"));
    }

    @Test
    void typedValidationRejectsBeforeAnyCall() {
        RecurrenteValidationException e = rejected(CheckoutRequest.of(item().quantity(10)));
        assertEquals("createCheckout", e.getOperation());
        assertEquals("items[0].quantity", e.getField());
        assertEquals("must be between 1 and 9, was 10", e.getRule());
        assertEquals(
                "Invalid createCheckout request: items[0].quantity must be between 1 and 9, was 10", e.getMessage());
    }

    @Test
    void withoutValidationTheTypedRequestIsStillSentAsItsTree() throws Exception {
        CheckoutRequest invalid = CheckoutRequest.of(item().currency("EUR"));
        Exchange ex = call("recurrente:createCheckout?validateRequests=false", invalid, Map.of());
        RecurrenteApiException e = assertInstanceOf(RecurrenteApiException.class, ex.getException());
        assertEquals(422, e.getStatusCode(), "the API, not the validator, rejected it");
        assertEquals(
                new String(treeBytes(invalid), StandardCharsets.UTF_8),
                lastApiRequest().bodyText());
    }

    @Test
    void typedCheckoutIsNotRetriedOnServerErrors() {
        sandbox.addFault(
                Fault.status(503).onPath("/api/checkouts").onMethod("POST").times(1));
        Exchange ex = call("recurrente:createCheckout", CheckoutRequest.of(item()), Map.of());
        assertEquals(
                503,
                assertInstanceOf(RecurrenteApiException.class, ex.getException())
                        .getStatusCode());
        assertEquals(1, count("POST", "/api/checkouts"), "a create is never retried automatically");
    }

    @Test
    void terminalSessionCommandWithExternalIdIsStillRetried() {
        sandbox.addFault(Fault.status(503)
                .onPath("/api/terminal_session_commands")
                .onMethod("POST")
                .times(1));
        Map<String, Object> body = Map.of(
                "terminal_id", "term_1", "external_id", "pos-order-78", "amount_in_cents", 12000, "currency", "GTQ");
        Exchange ex = call("recurrente:createTerminalSessionCommand", body, Map.of());
        assertNull(ex.getException());
        assertEquals(2, count("POST", "/api/terminal_session_commands"), "external_id makes it safe to retry");

        sandbox.addFault(Fault.status(503)
                .onPath("/api/terminal_session_commands")
                .onMethod("POST")
                .times(1));
        Exchange without = call(
                "recurrente:createTerminalSessionCommand?validateRequests=false",
                Map.of("terminal_id", "term_1", "amount_in_cents", 12000, "currency", "GTQ"),
                Map.of());
        assertEquals(
                503,
                assertInstanceOf(RecurrenteApiException.class, without.getException())
                        .getStatusCode());
        assertEquals(3, count("POST", "/api/terminal_session_commands"), "no external_id: not retried");
    }
}
