package io.github.camelrecurrente.component;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.github.camelrecurrente.component.model.ApiMessage;
import io.github.camelrecurrente.sandbox.Fault;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A Retry-After longer than a few seconds (maxRetryAfter, 5 s by default) is not slept on by the route's thread: the
 * call fails at once and the wait travels as CamelRedeliveryDelay, which Camel's error handler uses for its next
 * redelivery (asyncDelayedRedelivery: on its scheduler, no thread blocked).
 */
class RetryAfterRedeliveryTest extends SandboxTestSupport {

    private final AtomicReference<String> redeliveredOn = new AtomicReference<>();

    private long testCalls() {
        return sandbox.requests().stream()
                .filter(r -> r.path().equals("/api/test"))
                .count();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:plain").routeId("plain").to("recurrente:testCredentials");
                from("direct:redelivered")
                        .routeId("redelivered")
                        .errorHandler(defaultErrorHandler()
                                .maximumRedeliveries(1)
                                .asyncDelayedRedelivery()
                                .onRedelivery(e ->
                                        redeliveredOn.set(Thread.currentThread().getName())))
                        .to("recurrente:testCredentials");
            }
        };
    }

    @Test
    void aLongRetryAfterFailsAtOnceWithTheRedeliveryDelaySet() {
        sandbox.addFault(Fault.rateLimited(20).onPath("/api/test").times(1));
        Exchange ex = call("direct:plain", null, Map.of());
        RecurrenteApiException e = assertInstanceOf(RecurrenteApiException.class, ex.getException());
        assertEquals(429, e.getStatusCode());
        assertEquals(Duration.ofSeconds(20), e.getRetryAfter());
        assertEquals(20_000L, ex.getMessage().getHeader(Exchange.REDELIVERY_DELAY, Long.class));
        assertEquals(1, testCalls(), "no retry on the route's thread (default maxRetryAfter 5s)");
    }

    @Test
    void camelsRedeliveryWaitsTheRetryAfterInstead() {
        sandbox.addFault(Fault.rateLimited(6).onPath("/api/test").times(1));
        Exchange ex = call("direct:redelivered", null, Map.of());
        assertNull(ex.getException(), () -> String.valueOf(ex.getException()));
        assertInstanceOf(ApiMessage.class, ex.getMessage().getBody());
        assertEquals(1, ex.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, Integer.class), "one redelivery");
        assertEquals(2, testCalls());
        assertNotEquals(
                Thread.currentThread().getName(),
                redeliveredOn.get(),
                "the redelivery ran on Camel's error handler scheduler, not on the caller's thread");
    }

    @Test
    void aShortRetryAfterIsStillRetriedByTheClient() {
        sandbox.addFault(Fault.rateLimited(1).onPath("/api/test").times(1));
        Exchange ex = call("direct:plain", null, Map.of());
        assertNull(ex.getException());
        assertEquals(2, testCalls());
        assertNull(ex.getMessage().getHeader(Exchange.REDELIVERY_DELAY));
    }
}
