package io.github.camelrecurrente.component;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.camelrecurrente.component.model.ApiMessage;
import io.github.camelrecurrente.component.model.Checkout;
import io.github.camelrecurrente.component.model.CheckoutItem;
import io.github.camelrecurrente.component.model.CheckoutRequest;
import io.github.camelrecurrente.sandbox.Fault;
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
 * Typed errors for both error shapes, and the retry rule: 429 for everything, 5xx/I-O only for safe calls.
 */
class ProducerErrorsAndRetriesTest extends SandboxTestSupport {

    private long count(String method, String path) {
        return sandbox.requests().stream()
                .filter(r -> r.method().equals(method) && r.path().equals(path))
                .count();
    }

    @Test
    void wrongSecretKeyGives401WithoutPrintingTheKey() {
        String wrong = "sk_test_this_is_wrong_123";
        Exchange ex = call("recurrente:testCredentials?secretKey=" + wrong, null, Map.of());
        RecurrenteApiException e = assertInstanceOf(RecurrenteApiException.class, ex.getException());
        assertEquals(401, e.getStatusCode());
        assertEquals("testCredentials", e.getOperation());
        assertEquals("GET", e.getMethod());
        assertEquals("/test", e.getPath());
        assertNotNull(e.getApiMessage());
        assertTrue(
                e.getFieldErrors().containsKey("authentication"),
                e.getFieldErrors().toString());
        assertTrue(e.getMessage().contains("secretKey"), e.getMessage());
        assertFalse(e.getMessage().contains(wrong), "the key is never printed");
        assertFalse(e.getMessage().contains(SK), "the key is never printed");
        assertFalse(e.getResponseBody().contains(wrong));
        assertFalse(
                ex.getFromEndpoint() == null
                        ? false
                        : ex.getFromEndpoint().toString().contains(wrong));
    }

    @Test
    void wrongPublicKeyGives401() {
        Exchange ex = call("recurrente:testCredentials?publicKey=pk_test_otra_cuenta", null, Map.of());
        assertEquals(
                401,
                assertInstanceOf(RecurrenteApiException.class, ex.getException())
                        .getStatusCode());
    }

    @Test
    void secretOnlyConfigurationWorks() {
        Exchange ex = call("recurrente:testCredentials?publicKey=", null, Map.of());
        assertNull(ex.getException());
        RecordedRequest r = lastApiRequest();
        assertNull(r.header("X-PUBLIC-KEY"), "no public key sent when none is configured");
        assertEquals(SK, r.header("X-SECRET-KEY"));
    }

    @Test
    void legacyErrorShapeIsParsed() {
        sandbox.setLegacyErrors(true);
        try {
            Exchange ex = call("recurrente:getCheckout?id=ch_doesnotexist", null, Map.of());
            RecurrenteApiException e = assertInstanceOf(RecurrenteApiException.class, ex.getException());
            assertEquals(404, e.getStatusCode());
            assertNotNull(e.getApiMessage(), "the {\"error\": ...} message is read");
            assertTrue(e.getResponseBody().contains("\"error\""), e.getResponseBody());
            assertTrue(e.getMessage().contains(e.getApiMessage()));
        } finally {
            sandbox.setLegacyErrors(false);
        }
    }

    @Test
    void unknownIdGives404() {
        Exchange ex = call("recurrente:getCheckout", null, Map.of(RecurrenteConstants.ID, "ch_nope"));
        RecurrenteApiException e = assertInstanceOf(RecurrenteApiException.class, ex.getException());
        assertEquals(404, e.getStatusCode());
        assertEquals("/checkouts/ch_nope", e.getPath());
    }

    @Test
    void editingAPaidCheckoutGives422WithFieldErrors() {
        Checkout c = callOk(
                "recurrente:createCheckout",
                CheckoutRequest.of(CheckoutItem.inline("x", 1000, "GTQ", 1)),
                Map.of(),
                Checkout.class);
        sandbox.payCheckout(c.getId());
        Exchange ex =
                call("recurrente:updateCheckout?id=" + c.getId(), Map.of("success_url", "https://x.example"), Map.of());
        RecurrenteApiException e = assertInstanceOf(RecurrenteApiException.class, ex.getException());
        assertEquals(422, e.getStatusCode());
        assertNotNull(e.getApiMessage());
    }

    @Test
    void rateLimitedRequestIsRetriedAfterRetryAfterEvenForCreates() {
        sandbox.addFault(
                Fault.rateLimited(1).onPath("/api/checkouts").onMethod("POST").times(1));
        long start = System.nanoTime();
        Exchange ex = call(
                "recurrente:createCheckout", CheckoutRequest.of(CheckoutItem.inline("x", 1000, "GTQ", 1)), Map.of());
        long waited = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertNull(ex.getException());
        assertEquals(2, count("POST", "/api/checkouts"), "the 429 was retried once");
        assertTrue(waited >= 900, "waited for Retry-After: " + waited + " ms");
        List<RecordedRequest> posts = sandbox.requests().stream()
                .filter(r -> r.method().equals("POST"))
                .toList();
        assertEquals(
                posts.get(0).header("Idempotency-Key"),
                posts.get(1).header("Idempotency-Key"),
                "the same Idempotency-Key across retries of one exchange");
    }

    @Test
    void rateLimitRetriesAreBounded() {
        sandbox.addFault(Fault.rateLimited(0).onPath("/api/test").times(10));
        Exchange ex = call("recurrente:testCredentials?rateLimitRetries=2", null, Map.of());
        RecurrenteApiException e = assertInstanceOf(RecurrenteApiException.class, ex.getException());
        assertEquals(429, e.getStatusCode());
        assertTrue(e.isRateLimited());
        assertEquals(3, count("GET", "/api/test"));
    }

    @Test
    void retryAfterBeyondTheLimitFailsAtOnceWithTheDelay() {
        sandbox.addFault(Fault.rateLimited(120).onPath("/api/test").times(1));
        long start = System.nanoTime();
        Exchange ex = call("recurrente:testCredentials?maxRetryAfter=5s", null, Map.of());
        RecurrenteApiException e = assertInstanceOf(RecurrenteApiException.class, ex.getException());
        assertEquals(Duration.ofSeconds(120), e.getRetryAfter());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 3000, "did not wait 120 s");
        assertEquals(1, count("GET", "/api/test"));
    }

    @Test
    void serverErrorIsRetriedForGet() {
        sandbox.addFault(Fault.status(503).onPath("/api/test").times(2));
        Exchange ex = call("recurrente:testCredentials", null, Map.of());
        assertNull(ex.getException());
        assertInstanceOf(ApiMessage.class, ex.getMessage().getBody());
        assertEquals(3, count("GET", "/api/test"));
    }

    @Test
    void serverErrorIsRetriedForPatch() {
        Checkout c = callOk(
                "recurrente:createCheckout",
                CheckoutRequest.of(CheckoutItem.inline("x", 1000, "GTQ", 1)),
                Map.of(),
                Checkout.class);
        sandbox.addFault(
                Fault.status(500).onPath("/api/checkouts/.*").onMethod("PATCH").times(1));
        Exchange ex =
                call("recurrente:updateCheckout?id=" + c.getId(), Map.of("cancel_url", "https://x.example"), Map.of());
        assertNull(ex.getException());
        assertEquals(2, count("PATCH", "/api/checkouts/" + c.getId()));
    }

    @Test
    void serverErrorIsNeverRetriedForCreates() {
        sandbox.addFault(Fault.status(500).onPath("/api/one_time_payments").times(1));
        Exchange ex = call(
                "recurrente:createOneTimePayment",
                Map.of(
                        "payment_method_id",
                        "pay_m_x",
                        "items",
                        List.of(Map.of("name", "x", "amount_in_cents", 1000, "currency", "GTQ", "quantity", 1))),
                Map.of());
        RecurrenteApiException e = assertInstanceOf(RecurrenteApiException.class, ex.getException());
        assertEquals(500, e.getStatusCode());
        assertTrue(e.isServerError());
        assertEquals(1, count("POST", "/api/one_time_payments"), "a create is never retried automatically");
    }

    @Test
    void serverErrorRetriesCanBeDisabled() {
        sandbox.addFault(Fault.status(503).onPath("/api/test").times(1));
        Exchange ex = call("recurrente:testCredentials?serverErrorRetries=0", null, Map.of());
        assertEquals(
                503,
                assertInstanceOf(RecurrenteApiException.class, ex.getException())
                        .getStatusCode());
        assertEquals(1, count("GET", "/api/test"));
    }

    @Test
    void readTimeoutIsRetriedForGetOnly() {
        sandbox.addFault(
                Fault.latency(Duration.ofMillis(1500)).onPath("/api/test").times(1));
        Exchange ex = call("recurrente:testCredentials?requestTimeout=500ms", null, Map.of());
        assertNull(ex.getException(), "the timed out GET was retried");

        sandbox.addFault(
                Fault.latency(Duration.ofMillis(1500)).onPath("/api/users").times(1));
        ex = call("recurrente:createUser?requestTimeout=500ms", Map.of("email", "a@example.com"), Map.of());
        assertInstanceOf(IOException.class, ex.getException(), "a timed out create is not retried");
    }

    @Test
    void connectionRefusedSurfacesAsIOException() {
        // nothing listens on port 1: connection refused on every attempt
        Exchange ex =
                call("recurrente:testCredentials?baseUrl=http://127.0.0.1:1/api&serverErrorRetries=2", null, Map.of());
        assertInstanceOf(IOException.class, ex.getException());
    }
}
