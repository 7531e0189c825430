package io.github.camelrecurrente.springboot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import io.github.camelrecurrente.component.RecurrenteComponent;
import io.github.camelrecurrente.component.RecurrenteConfiguration;
import io.github.camelrecurrente.component.model.Checkout;
import io.github.camelrecurrente.component.model.event.PaymentIntentEvent;
import io.github.camelrecurrente.sandbox.RecordedRequest;
import io.github.camelrecurrente.sandbox.RecurrenteSandbox;
import io.github.camelrecurrente.sandbox.WebhookDelivery;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Spring Boot application configured only by application.properties: the starter binds
 * camel.component.recurrente.*, the producer calls the sandbox, and the sandbox's signed webhook reaches
 * recurrente:events over real HTTP on the Vert.x platform-http server the starter started.
 */
@SpringBootTest(classes = StarterTestApplication.class)
class RecurrenteSpringBootStarterTest {

    private static final String SK = "sk_test_springboot_secret";
    private static final RecurrenteSandbox SANDBOX = RecurrenteSandbox.builder()
            .port(0)
            .account("Tienda Spring", "pk_test_springboot", SK)
            .build()
            .start();
    private static final int WEBHOOK_PORT = freePort();
    private static final String WEBHOOK_SECRET =
            (String) SANDBOX.registerWebhookEndpoint(SK, "http://127.0.0.1:" + WEBHOOK_PORT + "/recurrente/events")
                    .get("signingSecret");

    @Autowired
    private CamelContext camelContext;

    @Autowired
    private ProducerTemplate template;

    @Autowired
    private VertxPlatformHttpServer server;

    @Autowired
    private RecurrenteComponentConfiguration properties;

    @Autowired
    private MemoryStateRepository state;

    @DynamicPropertySource
    static void sandboxProperties(DynamicPropertyRegistry registry) {
        registry.add("sandbox.base-url", SANDBOX::baseUrl);
        registry.add("sandbox.secret-key", () -> SK);
        registry.add("sandbox.webhook-secret", () -> WEBHOOK_SECRET);
        registry.add("sandbox.webhook-port", () -> WEBHOOK_PORT);
    }

    @AfterAll
    static void stopSandbox() {
        SANDBOX.close();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void propertiesAreBoundToTheComponent() {
        RecurrenteConfiguration config = camelContext
                .getComponent("recurrente", RecurrenteComponent.class)
                .getConfiguration();
        assertEquals(SANDBOX.baseUrl(), config.getBaseUrl());
        assertEquals(SK, config.getSecretKey());
        assertEquals("pk_test_springboot", config.getPublicKey());
        assertEquals(50, config.getRetryDelay(), "duration text 50ms");
        assertEquals(20_000, config.getRequestTimeout(), "duration text 20s");
        assertEquals("payment_intent.*", config.getEventTypes());
        assertEquals(3, config.getRateLimitRetries(), "defaults stay the component's");
        assertSame(state, config.getStateRepository(), "#bean:recurrenteState resolved to the Spring bean");
        assertEquals(SANDBOX.baseUrl(), properties.getBaseUrl(), "bound to the starter's properties too");
    }

    @Test
    void producerCallsTheSandboxAndTheWebhookArrivesOverHttp() throws Exception {
        assertEquals(WEBHOOK_PORT, server.getPort(), "the starter's Vert.x server listens on the configured port");

        MockEndpoint events = camelContext.getEndpoint("mock:events", MockEndpoint.class);
        events.expectedMinimumMessageCount(1);
        events.setResultWaitTime(30_000);

        Exchange created = template.request(
                "direct:createCheckout",
                e -> e.getMessage()
                        .setBody(
                                "{\"items\":[{\"name\":\"Camisa típica\",\"amount_in_cents\":15000,\"currency\":\"GTQ\","
                                        + "\"quantity\":1}]}"));
        assertNull(created.getException(), () -> String.valueOf(created.getException()));
        Checkout checkout = created.getMessage().getBody(Checkout.class);
        assertTrue(checkout.getId().startsWith("ch_"), checkout.getId());
        RecordedRequest request = SANDBOX.lastRequest();
        assertEquals("/api/checkouts", request.path());
        assertEquals(SK, request.header("X-SECRET-KEY"), "the key from application.properties was sent");

        SANDBOX.payCheckout(checkout.getId());
        events.assertIsSatisfied();
        PaymentIntentEvent event = assertInstanceOf(
                PaymentIntentEvent.class,
                events.getReceivedExchanges().get(0).getMessage().getBody());
        assertEquals("payment_intent.succeeded", event.getEventType());

        List<WebhookDelivery> deliveries =
                SANDBOX.awaitDeliveries("payment_intent.succeeded", 1, Duration.ofSeconds(30));
        WebhookDelivery delivery = deliveries.get(0);
        assertTrue(delivery.succeeded(), "the route answered 2xx over HTTP: " + delivery.statusCode());
        assertEquals("http://127.0.0.1:" + WEBHOOK_PORT + "/recurrente/events", delivery.endpointUrl());
    }

    @Test
    void aSecondAccountsComponentKeepsItsOwnKeys() {
        RecurrenteConfiguration second = camelContext
                .getComponent("recurrente-tienda2", RecurrenteComponent.class)
                .getConfiguration();
        assertEquals("sk_test_tienda2", second.getSecretKey());
        assertEquals("https://app.recurrente.com/api", second.getBaseUrl(), "not the first account's base URL");
        assertEquals(500, second.getRetryDelay());
    }

    @Test
    void theStartersServerIsTheOnePlatformHttpUses() {
        assertSame(server, camelContext.hasService(VertxPlatformHttpServer.class));
        assertEquals(
                "recurrente://events",
                camelContext.getRoute("recurrente-events").getEndpoint().getEndpointUri(),
                "the YAML route was loaded");
    }
}
