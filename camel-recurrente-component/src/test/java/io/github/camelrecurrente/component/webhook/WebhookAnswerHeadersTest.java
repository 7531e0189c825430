package io.github.camelrecurrente.component.webhook;

import java.lang.reflect.Array;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.github.camelrecurrente.component.RecurrenteConstants;
import io.github.camelrecurrente.sandbox.testing.SvixSigner;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.apache.camel.spi.HeaderFilterStrategy;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.github.camelrecurrente.component.webhook.WebhookTestSupport.post;
import static io.github.camelrecurrente.component.webhook.WebhookTestSupport.resource;
import static io.github.camelrecurrente.component.webhook.WebhookTestSupport.signed;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #24: what the HTTP consumer walks when it writes the answer to a delivery. platform-http turns every header
 * value of the message into an iterator and offers each element to its header filter, so a {@code byte[]} left on the
 * message costs one filter call and one type conversion per byte (it cost 8x of the webhook throughput). Nothing is
 * timed: the test counts the header values the response writer visits (through the platform-http endpoint's
 * {@link HeaderFilterStrategy}) and looks at the message it answers from, in both forms of the consumer.
 */
class WebhookAnswerHeadersTest {

    /** A delivery carries about 20 headers (the request's, Camel's HTTP ones, the event's): well under this. */
    static final int MAX_VALUES_VISITED = 40;

    static final String SECRET = SvixSigner.newSecret();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "recurrente:events?webhookSecret=RAW(" + "%s" + ")",
                "webhook:recurrente:events?webhookComponentName=platform-http&webhookAutoRegister=false"
                        + "&webhookSecret=RAW(%s)"
            })
    void theAnswerIsWrittenFromAMessageWithoutHeavyHeaders(String uriTemplate) throws Exception {
        int port = AvailablePortFinder.getNextAvailable();
        AtomicReference<byte[]> rawBodySeenByTheRoute = new AtomicReference<>();
        try (WebhookTestSupport.App app = WebhookTestSupport.start(port, new RouteBuilder() {
            @Override
            public void configure() {
                from(String.format(uriTemplate, SECRET))
                        .routeId("events")
                        // a route that stores the delivery still gets its raw body while it routes
                        .process(e -> rawBodySeenByTheRoute.set(
                                e.getIn().getHeader(RecurrenteConstants.RAW_BODY, byte[].class)))
                        // and may leave things of its own on the message
                        .setHeader("X-Erp-Lines", constant(List.of("4101", "1105", "2401")))
                        .setHeader("X-Erp-Note", constant("n".repeat(1000)));
            }
        })) {
            CountingFilter counting = install(app);
            byte[] body = resource("payment_intent.succeeded.json");
            assertTrue(body.length > 500, "a realistic delivery body");

            HttpResponse<String> answer =
                    post(port, "/recurrente/events", body, signed(SECRET, "msg_" + UUID.randomUUID(), body));

            assertEquals(200, answer.statusCode(), answer.body());
            assertNotNull(rawBodySeenByTheRoute.get(), "the route gets CamelRecurrenteRawBody while it routes");
            assertEquals(body.length, rawBodySeenByTheRoute.get().length);
            Map<String, Object> answeredFrom = counting.answeredFrom.get();
            assertNotNull(answeredFrom, "the response writer offered the message's headers to the filter");
            List<String> heavy = new ArrayList<>();
            answeredFrom.forEach((name, value) -> {
                if (value != null
                        && (value.getClass().isArray()
                                || value instanceof Collection<?>
                                || value instanceof Map<?, ?>
                                || String.valueOf(value).length() > 300)) {
                    heavy.add(name + " (" + value.getClass().getSimpleName() + ", " + size(value) + ")");
                }
            });
            int visited = counting.visited.get();
            assertAll(
                    () -> assertEquals(List.of(), heavy, "headers on the message the answer is written from"),
                    () -> assertTrue(
                            visited <= MAX_VALUES_VISITED,
                            "the response writer visited " + visited + " header values for one delivery (at most "
                                    + MAX_VALUES_VISITED + ")"));
            assertTrue(counting.visited.get() > 0, "the counter sits where the response writer looks");
        }
    }

    private static int size(Object value) {
        if (value.getClass().isArray()) {
            return Array.getLength(value);
        }
        if (value instanceof Collection<?> c) {
            return c.size();
        }
        if (value instanceof Map<?, ?> m) {
            return m.size();
        }
        return String.valueOf(value).length();
    }

    /** Wraps the filter of the platform-http endpoint that serves the webhook path (read per answer by the consumer). */
    private static CountingFilter install(WebhookTestSupport.App app) {
        for (Endpoint e : app.context().getEndpoints()) {
            if (e instanceof PlatformHttpEndpoint http && http.getPath().contains("/recurrente/events")) {
                CountingFilter counting = new CountingFilter(http.getHeaderFilterStrategy());
                http.setHeaderFilterStrategy(counting);
                return counting;
            }
        }
        throw new AssertionError("no platform-http endpoint serves /recurrente/events: "
                + app.context().getEndpoints());
    }

    /** Counts every header value offered on the way out, and keeps the headers of the message at the first offer. */
    static final class CountingFilter implements HeaderFilterStrategy {
        final HeaderFilterStrategy delegate;
        final AtomicInteger visited = new AtomicInteger();
        final AtomicReference<Map<String, Object>> answeredFrom = new AtomicReference<>();

        CountingFilter(HeaderFilterStrategy delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean applyFilterToCamelHeaders(String headerName, Object headerValue, Exchange exchange) {
            visited.incrementAndGet();
            if (exchange != null && answeredFrom.get() == null) {
                answeredFrom.compareAndSet(
                        null, new java.util.HashMap<>(exchange.getMessage().getHeaders()));
            }
            return delegate == null || delegate.applyFilterToCamelHeaders(headerName, headerValue, exchange);
        }

        @Override
        public boolean applyFilterToExternalHeaders(String headerName, Object headerValue, Exchange exchange) {
            return delegate != null && delegate.applyFilterToExternalHeaders(headerName, headerValue, exchange);
        }
    }
}
