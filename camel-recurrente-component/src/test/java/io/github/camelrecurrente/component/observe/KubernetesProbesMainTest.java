package io.github.camelrecurrente.component.observe;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.github.camelrecurrente.sandbox.Fault;
import io.github.camelrecurrente.sandbox.RecurrenteSandbox;
import io.github.camelrecurrente.sandbox.testing.SvixSigner;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The probes Kubernetes uses, as Camel Main 4.18 serves them (camel-platform-http-main's management server,
 * {@code camel.management.*}): while the Recurrente API answers every call with 503, {@code /observe/health/live}
 * and {@code /observe/health/ready} answer 200 (no restart, the webhook intake stays in its Service) and only the
 * full {@code /observe/health} answers 503, with the failing poller.
 */
class KubernetesProbesMainTest {

    private static final String SK = "sk_test_probes_secret";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private RecurrenteSandbox sandbox;
    private Main main;
    private int management;

    @BeforeEach
    void start() throws Exception {
        sandbox = RecurrenteSandbox.builder()
                .port(0)
                .account("Tienda Probes", "pk_test_probes", SK)
                .build()
                .start();
        sandbox.addFault(Fault.status(503).onPath("/api/.*").times(-1));
        management = AvailablePortFinder.getNextAvailable();
        main = new Main();
        main.addInitialProperty("camel.component.recurrente.base-url", sandbox.baseUrl());
        main.addInitialProperty("camel.component.recurrente.secret-key", SK);
        main.addInitialProperty("camel.component.recurrente.server-error-retries", "0");
        main.addInitialProperty("camel.component.recurrente.webhook-secret", SvixSigner.newSecret());
        main.addInitialProperty("camel.server.enabled", "true");
        main.addInitialProperty("camel.server.host", "127.0.0.1");
        main.addInitialProperty("camel.server.port", String.valueOf(AvailablePortFinder.getNextAvailable()));
        main.addInitialProperty("camel.management.enabled", "true");
        main.addInitialProperty("camel.management.host", "127.0.0.1");
        main.addInitialProperty("camel.management.port", String.valueOf(management));
        main.addInitialProperty("camel.management.health-check-enabled", "true");
        main.addInitialProperty("camel.health.enabled", "true");
        main.addInitialProperty("camel.health.producers-enabled", "true");
        main.addInitialProperty("camel.health.exposure-level", "full");
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("recurrente:events").routeId("intake").to("log:intake?level=OFF");
                from("direct:charge").routeId("charge").to("recurrente:getCheckout");
                from("recurrente:listCheckouts?initialDelay=0&delay=100")
                        .routeId("poller")
                        .to("log:polled?level=OFF");
            }
        });
        main.start();
    }

    @AfterEach
    void stop() {
        main.stop();
        sandbox.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + management + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anApiOutageLeavesTheLivenessAndReadinessProbesUp() throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        HttpResponse<String> all = get("/observe/health");
        while (!(all.statusCode() == 503 && all.body().contains("consumer:poller"))) {
            if (System.nanoTime() > end) {
                fail("the full report never showed the failing poller: " + all.body());
            }
            Thread.sleep(50);
            all = get("/observe/health");
        }
        HttpResponse<String> details = get("/observe/health?data=true");
        assertTrue(details.body().contains("\"api.outage\":true"), "the outage is a detail: " + details.body());

        HttpResponse<String> live = get("/observe/health/live");
        assertEquals(200, live.statusCode(), live.body());
        HttpResponse<String> ready = get("/observe/health/ready");
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("\"recurrente-webhook:"), ready.body());
        assertTrue(ready.body().contains("recurrente-credentials"), ready.body());
    }
}
