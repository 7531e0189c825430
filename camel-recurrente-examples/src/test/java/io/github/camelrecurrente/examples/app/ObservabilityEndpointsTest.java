package io.github.camelrecurrente.examples.app;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelrecurrente.examples.testsupport.TestStacks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The management port serves the component's meters in Prometheus text at /observe/metrics and its health checks,
 * with their details, at /observe/health?data=true (sandbox mode, real HTTP).
 */
class ObservabilityEndpointsTest {

    @TempDir
    static Path dir;

    static Map<String, String> props;
    static ExamplesStack stack;

    @BeforeAll
    static void start() throws Exception {
        props = TestStacks.properties(dir);
        stack = ExamplesStack.start(props);
        // one API call through a producer, one forged webhook delivery
        stack.app().producer().requestBody("recurrente:testCredentials", (Object) null);
        String webhook = "http://127.0.0.1:" + props.get("camel.server.port") + "/recurrente/events";
        HttpRequest forged = HttpRequest.newBuilder(URI.create(webhook))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .header("svix-id", "msg_forged_1")
                .header("svix-timestamp", Long.toString(System.currentTimeMillis() / 1000))
                .header("svix-signature", "v1,aW52YWxpZCBzaWduYXR1cmUgb2YgMzIgYnl0ZXMhIQ==")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"event_type\":\"payment_intent.succeeded\"}", StandardCharsets.UTF_8))
                .build();
        assertEquals(
                401,
                HttpClient.newHttpClient()
                        .send(forged, HttpResponse.BodyHandlers.ofString())
                        .statusCode());
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private static String management(String path) {
        return "http://127.0.0.1:" + props.get("camel.management.port") + path;
    }

    @Test
    void prometheusTextWithTheRecurrenteMeters() throws Exception {
        HttpResponse<String> r = TestStacks.get(management("/observe/metrics"));
        assertEquals(200, r.statusCode());
        String text = r.body();
        assertTrue(text.contains("# TYPE recurrente_api_calls_seconds"), text);
        assertTrue(
                lineWith(
                        text,
                        "recurrente_api_calls_seconds_count{",
                        "operation=\"testCredentials\"",
                        "outcome=\"success\"",
                        "status=\"2xx\""),
                text);
        assertTrue(
                lineWith(
                        text,
                        "recurrente_webhook_deliveries_total{",
                        "outcome=\"rejected\"",
                        "reason=\"bad_signature\""),
                text);
        assertTrue(text.contains("recurrente_api_retry_after_last_seconds"), text);
        String secret = stack.sandbox().appProperties().get("recurrente.secret-key");
        assertFalse(text.contains(secret), "no key in the metrics");
    }

    @Test
    void healthShowsTheComponentChecksWithTheirDetails() throws Exception {
        HttpResponse<String> r = TestStacks.get(management("/observe/health?data=true"));
        for (int i = 0; i < 40 && r.statusCode() != 200; i++) {
            Thread.sleep(250); // the app's other pollers (e.g. the FEL outbox) are DOWN until their first poll
            r = TestStacks.get(management("/observe/health?data=true"));
        }
        String body = r.body();
        assertEquals(200, r.statusCode(), body);
        JsonNode checks = new ObjectMapper().readTree(body).get("checks");
        JsonNode credentials = check(checks, "recurrente-credentials");
        assertEquals("UP", credentials.get("status").asText(), body);
        assertEquals("test", credentials.get("data").get("key.mode").asText(), body);
        JsonNode webhook = check(checks, "recurrente-webhook:/recurrente/events");
        assertEquals("UP", webhook.get("status").asText(), "1 rejection of 10: " + body);
        assertEquals(
                1, webhook.get("data").get("consecutive.signature.failures").asInt(), body);
        assertEquals(
                "bad_signature",
                webhook.get("data").get("last.rejection.reason").asText(),
                body);
        assertFalse(body.contains(stack.sandbox().appProperties().get("recurrente.secret-key")), body);
        assertFalse(body.contains(stack.sandbox().appProperties().get("recurrente.webhook.secret")), body);
    }

    private static JsonNode check(JsonNode checks, String name) {
        for (JsonNode c : checks) {
            if (name.equals(c.get("name").asText())) {
                return c;
            }
        }
        throw new AssertionError("no check " + name + " in " + checks);
    }

    private static boolean lineWith(String text, String... parts) {
        for (String line : text.split("\n")) {
            boolean all = true;
            for (String p : parts) {
                all &= line.contains(p);
            }
            if (all) {
                return true;
            }
        }
        return false;
    }
}
