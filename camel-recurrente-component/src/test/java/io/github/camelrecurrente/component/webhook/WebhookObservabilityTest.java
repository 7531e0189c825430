package io.github.camelrecurrente.component.webhook;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.github.camelrecurrente.sandbox.testing.SvixSigner;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.github.camelrecurrente.component.webhook.WebhookTestSupport.now;
import static io.github.camelrecurrente.component.webhook.WebhookTestSupport.post;
import static io.github.camelrecurrente.component.webhook.WebhookTestSupport.resource;
import static io.github.camelrecurrente.component.webhook.WebhookTestSupport.signed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an operator sees of webhook deliveries: the deliveries meter per outcome and reason, the route timer, the
 * webhook health check that goes DOWN after N deliveries failing verification, and the recurrente dev console.
 */
class WebhookObservabilityTest {

    static final String SECRET = SvixSigner.newSecret();
    static final String FORGER = SvixSigner.newSecret();
    static final String CHECK_ID = "recurrente-webhook:/recurrente/events";

    static final SimpleMeterRegistry METERS = new SimpleMeterRegistry();
    static WebhookTestSupport.App app;
    static int port;

    @BeforeAll
    static void startApp() throws Exception {
        port = AvailablePortFinder.getNextAvailable();
        app = WebhookTestSupport.start(
                port,
                new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("recurrente:events?signatureFailureThreshold=3&webhookSecret=RAW(" + SECRET + ")")
                                .routeId("hooks")
                                .to("mock:events");
                        from("recurrente:events?webhookPath=/hooks/failing&maxBodySize=2048&webhookSecret=RAW(" + SECRET
                                        + ")")
                                .routeId("failing")
                                .throwException(new IllegalStateException("ledger down"));
                    }
                },
                Map.of("metricsRegistry", METERS),
                Map.of("camel.main.dev-console-enabled", "true"));
    }

    @AfterAll
    static void stopApp() {
        if (app != null) {
            app.close();
        }
    }

    private static String msgId() {
        return "msg_" + UUID.randomUUID().toString().replace("-", "");
    }

    private static byte[] event() {
        return resource("payment_intent.succeeded.postman-docs.json");
    }

    private static double deliveries(String outcome, String reason) {
        Counter c = METERS.find("recurrente.webhook.deliveries")
                .tags("outcome", outcome, "reason", reason)
                .counter();
        return c == null ? 0 : c.count();
    }

    private static HealthCheck.Result check() {
        HealthCheck check = HealthCheckHelper.getHealthCheck(app.context(), CHECK_ID);
        assertNotNull(check, "webhook check registered");
        return check.call();
    }

    private static int forge() {
        byte[] body = event();
        return post(port, "/recurrente/events", body, signed(FORGER, msgId(), body))
                .statusCode();
    }

    private static int deliverValid(String path) {
        byte[] body = event();
        return post(port, path, body, signed(SECRET, msgId(), body)).statusCode();
    }

    @Test
    void forgedDeliveriesIncrementTheRejectionMeterAndFlipTheCheckAfterN() {
        assertEquals(200, deliverValid("/recurrente/events"));
        assertEquals(HealthCheck.State.UP, check().getState());
        double rejected = deliveries("rejected", "bad_signature");
        double accepted = deliveries("accepted", "none");

        assertEquals(401, forge());
        assertEquals(rejected + 1, deliveries("rejected", "bad_signature"), "the forged delivery is counted");
        assertEquals(HealthCheck.State.UP, check().getState(), "1 of 3");
        assertEquals(401, forge());
        assertEquals(HealthCheck.State.UP, check().getState(), "2 of 3");
        assertEquals(401, forge());
        HealthCheck.Result down = check();
        assertEquals(HealthCheck.State.DOWN, down.getState(), "every one of the last 3 failed verification");
        assertTrue(
                down.getMessage().orElse("").contains("signature verification"),
                down.getMessage().toString());
        assertEquals(3, down.getDetails().get("consecutive.signature.failures"));
        assertEquals("bad_signature", down.getDetails().get("last.rejection.reason"));
        assertFalse(HealthCheckHelper.isResultsUp(HealthCheckHelper.invokeReadiness(app.context()), true));

        assertEquals(200, deliverValid("/recurrente/events"));
        assertEquals(HealthCheck.State.UP, check().getState(), "one verified delivery brings it back");
        assertEquals(accepted + 1, deliveries("accepted", "none"));
        Counter typed = METERS.find("recurrente.webhook.deliveries")
                .tags("outcome", "accepted", "event.type", "payment_intent.succeeded", "component", "recurrente")
                .counter();
        assertNotNull(typed, "the event type is a tag");
        Timer route = METERS.find("recurrente.webhook.route")
                .tags("outcome", "success")
                .timer();
        assertNotNull(route);
        assertTrue(route.count() >= 2);
    }

    @Test
    void everyOutcomeHasItsMeter() {
        byte[] body = event();
        double missing = deliveries("rejected", "missing_headers");
        assertEquals(401, post(port, "/recurrente/events", body, Map.of()).statusCode());
        assertEquals(missing + 1, deliveries("rejected", "missing_headers"));

        double stale = deliveries("rejected", "stale_timestamp");
        assertEquals(
                401,
                post(port, "/recurrente/events", body, signed(SECRET, msgId(), now() - 3600, body))
                        .statusCode());
        assertEquals(stale + 1, deliveries("rejected", "stale_timestamp"));

        double malformed = deliveries("rejected", "malformed");
        byte[] notAnEvent = "[1,2,3]".getBytes(StandardCharsets.UTF_8);
        assertEquals(
                400,
                post(port, "/recurrente/events", notAnEvent, signed(SECRET, msgId(), notAnEvent))
                        .statusCode());
        assertEquals(malformed + 1, deliveries("rejected", "malformed"));

        double large = deliveries("rejected", "too_large");
        byte[] big = new byte[4096];
        assertEquals(
                413,
                post(port, "/hooks/failing", big, signed(SECRET, msgId(), big)).statusCode());
        assertEquals(large + 1, deliveries("rejected", "too_large"));

        double duplicate = deliveries("duplicate", "none");
        String id = msgId();
        Map<String, String> headers = signed(SECRET, id, body);
        assertEquals(200, post(port, "/recurrente/events", body, headers).statusCode());
        assertEquals(200, post(port, "/recurrente/events", body, headers).statusCode());
        assertEquals(duplicate + 1, deliveries("duplicate", "none"));

        double failed = deliveries("route_failed", "none");
        assertEquals(500, deliverValid("/hooks/failing"));
        assertEquals(failed + 1, deliveries("route_failed", "none"));
        Timer failure = METERS.find("recurrente.webhook.route")
                .tags("outcome", "failure")
                .timer();
        assertNotNull(failure);
        assertTrue(failure.count() >= 1);

        double method = deliveries("rejected", "wrong_method");
        HttpResponse<String> put = WebhookTestSupport.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/recurrente/events"))
                        .timeout(Duration.ofSeconds(20))
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build());
        assertEquals(405, put.statusCode());
        // platform-http answers a method other than POST itself (httpMethodRestrict): the handler never sees it
        assertEquals(method, deliveries("rejected", "wrong_method"));
    }

    @Test
    void theDevConsoleShowsTheWebhookOutcomes() {
        assertEquals(200, deliverValid("/recurrente/events"));
        DevConsoleRegistry registry =
                app.context().getCamelContextExtension().getContextPlugin(DevConsoleRegistry.class);
        assertNotNull(registry, "camel.main.dev-console-enabled=true");
        DevConsole console = registry.resolveById("recurrente");
        assertNotNull(console, "found through the generated service file");

        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) console.call(DevConsole.MediaType.JSON);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> endpoints = (List<Map<String, Object>>) json.get("endpoints");
        Map<String, Object> hooks = endpoints.stream()
                .filter(e -> e.get("webhook") instanceof Map<?, ?> w && "/recurrente/events".equals(w.get("path")))
                .findFirst()
                .orElseThrow(() -> new AssertionError(json.toString()));
        assertEquals("recurrente:events", hooks.get("endpoint"));
        @SuppressWarnings("unchecked")
        Map<String, Object> webhook = (Map<String, Object>) hooks.get("webhook");
        @SuppressWarnings("unchecked")
        Map<String, Long> outcomes = (Map<String, Long>) webhook.get("outcomes");
        assertTrue(outcomes.get("accepted") >= 1, outcomes.toString());

        String text = (String) console.call(DevConsole.MediaType.TEXT);
        assertTrue(text.contains("Webhook /recurrente/events"), text);
        assertFalse(text.contains(SECRET) || json.toString().contains(SECRET), "never the secret");
    }
}
