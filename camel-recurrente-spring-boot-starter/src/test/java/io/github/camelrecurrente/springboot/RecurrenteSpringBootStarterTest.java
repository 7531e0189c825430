package io.github.camelrecurrente.springboot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.camelrecurrente.component.RecurrenteComponent;
import io.github.camelrecurrente.component.RecurrenteConfiguration;
import io.github.camelrecurrente.component.model.Checkout;
import io.github.camelrecurrente.component.model.event.PaymentIntentEvent;
import io.github.camelrecurrente.sandbox.RecordedRequest;
import io.github.camelrecurrente.sandbox.RecurrenteSandbox;
import io.github.camelrecurrente.sandbox.WebhookEvent;
import io.github.camelrecurrente.sandbox.testing.SvixSigner;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.component.platform.http.spi.PlatformHttpEngine;
import org.apache.camel.component.platform.http.springboot.SpringBootPlatformHttpEngine;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Spring Boot web application (spring-boot-starter-web, camel-platform-http-starter) configured only by
 * application.properties: the starter binds camel.component.recurrente.*, the producer calls the sandbox, and a
 * signed webhook reaches recurrente:events on Spring's own port; no other server listens.
 */
@SpringBootTest(classes = StarterTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RecurrenteSpringBootStarterTest {

    private static final String SK = "sk_test_springboot_secret";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String WEBHOOK_SECRET = SvixSigner.newSecret();
    private static final RecurrenteSandbox SANDBOX = RecurrenteSandbox.builder()
            .port(0)
            .account("Tienda Spring", "pk_test_springboot", SK)
            .build()
            .start();

    @LocalServerPort
    private int springPort;

    @Autowired
    private ApplicationContext spring;

    @Autowired
    private CamelContext camelContext;

    @Autowired
    private ProducerTemplate template;

    @Autowired
    private RecurrenteComponentConfiguration properties;

    @Autowired
    private MemoryStateRepository state;

    @Autowired
    @Qualifier("firstBackend")
    private SimpleMeterRegistry firstBackend;

    @Autowired
    @Qualifier("secondBackend")
    private SimpleMeterRegistry secondBackend;

    @DynamicPropertySource
    static void sandboxProperties(DynamicPropertyRegistry registry) {
        registry.add("sandbox.base-url", SANDBOX::baseUrl);
        registry.add("sandbox.secret-key", () -> SK);
        registry.add("sandbox.webhook-secret", () -> WEBHOOK_SECRET);
    }

    @AfterAll
    static void stopSandbox() {
        SANDBOX.close();
    }

    @BeforeEach
    void resetMock() {
        camelContext.getEndpoint("mock:events", MockEndpoint.class).reset();
    }

    private HttpResponse<String> post(byte[] body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + springPort + "/recurrente/events"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> signed(String id, byte[] body) {
        long now = System.currentTimeMillis() / 1000;
        return Map.of(
                "svix-id", id,
                "svix-timestamp", String.valueOf(now),
                "svix-signature", SvixSigner.sign(WEBHOOK_SECRET, id, now, body));
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
    void theProducerCallsTheSandboxAndASignedWebhookArrivesOnSpringsPort() throws Exception {
        MockEndpoint events = camelContext.getEndpoint("mock:events", MockEndpoint.class);
        events.expectedMessageCount(1);

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
        List<WebhookEvent> emitted = SANDBOX.events("payment_intent.succeeded");
        assertEquals(1, emitted.size());
        byte[] body = emitted.get(0).body().getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> unsigned = post(body, Map.of("svix-id", "msg_unsigned"));
        assertEquals(401, unsigned.statusCode(), "the signature is checked on Spring's port: " + unsigned.body());

        HttpResponse<String> accepted = post(body, signed(emitted.get(0).messageId(), body));
        assertEquals(200, accepted.statusCode(), accepted.body());
        events.assertIsSatisfied();
        PaymentIntentEvent event = assertInstanceOf(
                PaymentIntentEvent.class,
                events.getReceivedExchanges().get(0).getMessage().getBody());
        assertEquals("payment_intent.succeeded", event.getEventType());
        assertEquals(checkout.getId(), event.getCheckoutId());
    }

    @Test
    void nothingButSpringsWebServerListens() {
        PlatformHttpEngine engine =
                camelContext.getRegistry().lookupByNameAndType("platform-http-engine", PlatformHttpEngine.class);
        assertInstanceOf(SpringBootPlatformHttpEngine.class, engine, "platform-http routes are Spring MVC handlers");
        assertTrue(spring.getBeansOfType(VertxPlatformHttpServer.class).isEmpty(), "no Vert.x server by default");
        assertNull(camelContext.hasService(VertxPlatformHttpServer.class));
        Set<Integer> sandboxPort = Set.of(URI.create(SANDBOX.baseUrl()).getPort());
        Set<Integer> expected = new java.util.TreeSet<>(sandboxPort);
        expected.add(springPort);
        assertEquals(expected, ListeningSockets.ofThisProcess(), "Spring's port (and the test's sandbox) only");
    }

    @Test
    void metersAreRecordedThroughSpringBootsCompositeRegistry() throws Exception {
        Exchange created = template.request(
                "direct:createCheckout",
                e -> e.getMessage()
                        .setBody("{\"items\":[{\"name\":\"Huipil\",\"amount_in_cents\":9000,\"currency\":\"GTQ\","
                                + "\"quantity\":1}]}"));
        assertNull(created.getException());
        for (SimpleMeterRegistry backend : List.of(firstBackend, secondBackend)) {
            Timer calls = backend.find("recurrente.api.calls")
                    .tags("operation", "createCheckout", "outcome", "success")
                    .timer();
            assertNotNull(calls, "recorded in both backends of the composite registry");
            assertTrue(calls.count() >= 1);
        }
    }

    @Test
    void aSecondAccountsComponentKeepsItsOwnKeys() {
        RecurrenteConfiguration second = camelContext
                .getComponent("recurrente-tienda2", RecurrenteComponent.class)
                .getConfiguration();
        assertEquals("sk_test_tienda2", second.getSecretKey());
        assertEquals("https://app.recurrente.com/api", second.getBaseUrl(), "not the first account's base URL");
        assertEquals(500, second.getRetryDelay());
        assertEquals(
                "recurrente://events",
                camelContext.getRoute("recurrente-events").getEndpoint().getEndpointUri(),
                "the YAML route was loaded");
    }
}
