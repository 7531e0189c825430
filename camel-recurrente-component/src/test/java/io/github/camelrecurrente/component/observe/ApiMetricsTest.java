package io.github.camelrecurrente.component.observe;

import java.util.Map;

import io.github.camelrecurrente.component.RecurrenteApiException;
import io.github.camelrecurrente.component.RecurrenteEndpoint;
import io.github.camelrecurrente.component.SandboxTestSupport;
import io.github.camelrecurrente.sandbox.Fault;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * API call meters against the loopback sandbox with its fault injection: timers per operation and outcome, retries
 * with their reason, the last Retry-After, and the maxRetries cap.
 */
class ApiMetricsTest extends SandboxTestSupport {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext ctx = super.createCamelContext();
        ctx.getRegistry().bind("metricsRegistry", meters);
        return ctx;
    }

    private long requests(String path) {
        return sandbox.requests().stream()
                .filter(r -> r.path().equals("/api" + path))
                .count();
    }

    private String newCheckout() {
        return sandbox.createCheckout(1500, "GTQ");
    }

    @Test
    void a429FromTheSandboxIsRetriedAndCountedWithReason429() {
        String id = newCheckout();
        sandbox.clearRequests();
        sandbox.addFault(Fault.rateLimited(1).onPath("/api/checkouts/.*").times(1));

        Exchange ex = call("recurrente:getCheckout?id=" + id, null, Map.of());

        assertNull(ex.getException());
        assertEquals(2, requests("/checkouts/" + id), "one 429, one retry");
        Counter retries = meters.find("recurrente.api.retries")
                .tags("operation", "getCheckout", "reason", "429", "component", "recurrente")
                .counter();
        assertNotNull(retries, "retry counter with reason 429: " + describe());
        assertEquals(1.0, retries.count());
        Timer ok = meters.find("recurrente.api.calls")
                .tags("operation", "getCheckout", "outcome", "success", "status", "2xx", "error", "none")
                .timer();
        assertNotNull(ok, describe());
        assertEquals(1, ok.count(), "one call, its retry included");
        Gauge retryAfter = meters.find("recurrente.api.retry.after.last").gauge();
        assertNotNull(retryAfter);
        assertEquals(1.0, retryAfter.value(), "the Retry-After of the 429, in seconds");
    }

    @Test
    void maxRetriesZeroLeavesRetryingToCamel() {
        String id = newCheckout();
        sandbox.clearRequests();
        sandbox.addFault(Fault.rateLimited(0).onPath("/api/checkouts/.*").times(1));

        Exchange ex = call("recurrente:getCheckout?maxRetries=0&id=" + id, null, Map.of());

        RecurrenteApiException e = assertInstanceOf(RecurrenteApiException.class, ex.getException());
        assertEquals(429, e.getStatusCode());
        assertEquals(1, requests("/checkouts/" + id), "no retry by the component");
        assertNull(meters.find("recurrente.api.retries").counter(), "no retry counted");
        Timer failed = meters.find("recurrente.api.calls")
                .tags("operation", "getCheckout", "outcome", "failure", "status", "4xx", "error", "rate_limited")
                .timer();
        assertNotNull(failed, describe());
        assertEquals(1, failed.count());
    }

    @Test
    void maxRetriesCapsRateLimitAndServerErrorRetriesTogether() {
        String id = newCheckout();
        sandbox.clearRequests();
        sandbox.addFault(Fault.rateLimited(0).onPath("/api/checkouts/.*").times(1));
        sandbox.addFault(Fault.status(503).onPath("/api/checkouts/.*").times(5));

        Exchange ex = call(
                "recurrente:getCheckout?maxRetries=2&rateLimitRetries=3&serverErrorRetries=3&id=" + id, null, Map.of());

        RecurrenteApiException e = assertInstanceOf(RecurrenteApiException.class, ex.getException());
        assertEquals(503, e.getStatusCode());
        assertEquals(3, requests("/checkouts/" + id), "1 attempt + maxRetries=2, although each kind allows 3");
        assertEquals(
                1.0,
                meters.find("recurrente.api.retries")
                        .tags("reason", "429")
                        .counter()
                        .count());
        assertEquals(
                1.0,
                meters.find("recurrente.api.retries")
                        .tags("reason", "5xx")
                        .counter()
                        .count());
        assertNotNull(
                meters.find("recurrente.api.calls")
                        .tags("outcome", "failure", "status", "5xx", "error", "server_error")
                        .timer(),
                describe());
    }

    @Test
    void wrongKeysAreTimedAsUnauthorizedAndTheKeyIsNoTag() {
        String wrong = "sk_test_wrong_key_987";
        Exchange ex = call("recurrente:testCredentials?secretKey=" + wrong, null, Map.of());

        assertEquals(
                401,
                assertInstanceOf(RecurrenteApiException.class, ex.getException())
                        .getStatusCode());
        assertNotNull(
                meters.find("recurrente.api.calls")
                        .tags("operation", "testCredentials", "status", "4xx", "error", "unauthorized")
                        .timer(),
                describe());
        for (Meter m : meters.getMeters()) {
            m.getId().getTags().forEach(t -> {
                assertFalse(t.getValue().contains(wrong), "no key in a tag: " + m.getId());
                assertFalse(t.getValue().contains(SK), "no key in a tag: " + m.getId());
            });
        }
    }

    @Test
    void theEndpointCountsCallsErrorsAndRetriesForTheConsole() {
        String id = newCheckout();
        sandbox.addFault(
                Fault.status(500).onPath("/api/checkouts/.*").onMethod("GET").times(1));
        call("recurrente:getCheckout?id=" + id, null, Map.of());
        call("recurrente:getCheckout?id=ch_missing", null, Map.of());

        RecurrenteEndpoint endpoint = context.getEndpoint("recurrente:getCheckout?id=" + id, RecurrenteEndpoint.class);
        Map<String, Object> stats = endpoint.getObserver().api().snapshot().get("getCheckout");
        assertEquals(1L, stats.get("calls"));
        assertEquals(0L, stats.get("errors"));
        assertEquals(1L, stats.get("retries"), "the 500 was retried");
        Map<String, Object> missing = context.getEndpoint(
                        "recurrente:getCheckout?id=ch_missing", RecurrenteEndpoint.class)
                .getObserver()
                .api()
                .snapshot()
                .get("getCheckout");
        assertEquals(1L, missing.get("errors"));
        assertEquals(404, missing.get("lastStatus"));
        assertEquals("not_found", missing.get("lastError"));
        assertTrue(meters.find("recurrente.api.calls")
                        .tags("error", "not_found")
                        .timer()
                        .count()
                >= 1);
    }

    private String describe() {
        StringBuilder sb = new StringBuilder();
        meters.getMeters().forEach(m -> sb.append('\n').append(m.getId()));
        return sb.toString();
    }
}
