package io.github.camelrecurrente.component.webhook;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelrecurrente.component.RecurrenteConstants;
import io.github.camelrecurrente.component.RecurrenteEndpoint;
import io.github.camelrecurrente.component.model.Checkout;
import io.github.camelrecurrente.component.model.Intent;
import io.github.camelrecurrente.component.model.event.IntentEvent;
import io.github.camelrecurrente.component.model.event.PaymentIntentEvent;
import io.github.camelrecurrente.sandbox.Fault;
import io.github.camelrecurrente.sandbox.RecordedRequest;
import io.github.camelrecurrente.sandbox.RecurrenteSandbox;
import io.github.camelrecurrente.sandbox.WebhookDelivery;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.test.AvailablePortFinder;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * End to end: the sandbox pays checkouts and delivers Svix-signed webhooks (with retries) to a Camel Main app serving
 * recurrente:events / webhook:recurrente:events on platform-http, with auto-registration off and on.
 */
class RecurrenteWebhookSandboxTest {

    static final Duration WAIT = Duration.ofSeconds(15);
    static final AtomicInteger FAILURES_TO_INJECT = new AtomicInteger();
    static final ObjectMapper JSON = new ObjectMapper();

    static RecurrenteSandbox sandbox;

    @TempDir
    Path tmp;

    int port;

    @BeforeAll
    static void startSandbox() {
        sandbox = RecurrenteSandbox.builder()
                .webhookRetrySchedule(Duration.ZERO, Duration.ofMillis(300), Duration.ofMillis(600))
                .build()
                .start();
    }

    @AfterAll
    static void stopSandbox() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @BeforeEach
    void reset() {
        sandbox.reset();
        FAILURES_TO_INJECT.set(0);
        port = AvailablePortFinder.getNextAvailable();
    }

    private String hookUrl() {
        return "http://127.0.0.1:" + port + "/recurrente/events";
    }

    private String api() {
        return "&baseUrl=" + sandbox.baseUrl() + "&secretKey=RAW(" + RecurrenteSandbox.DEFAULT_SECRET_KEY + ")";
    }

    private String autoRegisterUri(String extra) {
        return "webhook:recurrente:events?webhookComponentName=platform-http&webhookExternalUrl=http://127.0.0.1:"
                + port + api() + extra;
    }

    private WebhookTestSupport.App app(String uri) throws Exception {
        return app(uri, Map.of());
    }

    private WebhookTestSupport.App app(String uri, Map<String, Object> beans) throws Exception {
        return WebhookTestSupport.start(
                port,
                new RouteBuilder() {
                    @Override
                    public void configure() {
                        from(uri)
                                .routeId("events")
                                .process(e -> {
                                    if (FAILURES_TO_INJECT.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                                        throw new IllegalStateException("injected failure");
                                    }
                                })
                                .to("mock:events");
                    }
                },
                beans);
    }

    private static MockEndpoint mock(WebhookTestSupport.App app) {
        return app.context().getEndpoint("mock:events", MockEndpoint.class);
    }

    private static RecurrenteEndpoint recurrenteEndpoint(WebhookTestSupport.App app) {
        for (Endpoint e : app.context().getEndpoints()) {
            if (e instanceof RecurrenteEndpoint r) {
                return r;
            }
        }
        throw new AssertionError("no recurrente endpoint");
    }

    /** The webhook endpoints registered at the sandbox, through its API. */
    private static List<JsonNode> registeredEndpoints() throws Exception {
        HttpResponse<String> r = WebhookTestSupport.send(
                HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/webhook_endpoints?items=100"))
                        .header("X-SECRET-KEY", RecurrenteSandbox.DEFAULT_SECRET_KEY)
                        .GET()
                        .build());
        assertEquals(200, r.statusCode(), r.body());
        List<JsonNode> out = new ArrayList<>();
        JSON.readTree(r.body()).forEach(out::add);
        return out;
    }

    private static long createWebhookEndpointCalls() {
        return sandbox.requests().stream()
                .filter(r -> "POST".equals(r.method()) && r.path().endsWith("/webhook_endpoints"))
                .count();
    }

    private static String payNewCheckout() {
        String checkout = sandbox.createCheckout(5000, "GTQ");
        sandbox.payCheckout(checkout);
        return checkout;
    }

    private static WebhookDelivery lastSuccess(String eventType) {
        List<WebhookDelivery> ok = sandbox.awaitDeliveries(eventType, 1, WAIT);
        return ok.get(ok.size() - 1);
    }

    @Test
    void standaloneConsumerReceivesAPaidCheckoutAndFiltersTheOtherFamily() throws Exception {
        String secret = (String) sandbox.registerWebhookEndpoint(hookUrl()).get("signingSecret");
        try (WebhookTestSupport.App app =
                app("recurrente:events?eventTypes=payment_intent.*&webhookSecret=RAW(" + secret + ")")) {
            String checkout = payNewCheckout();
            WebhookDelivery legacy = lastSuccess("payment_intent.succeeded");
            // the unified twin is acknowledged (2xx) but not routed
            lastSuccess("intent.succeeded");

            MockEndpoint mock = mock(app);
            assertEquals(1, mock.getReceivedCounter());
            Exchange ex = mock.getReceivedExchanges().get(0);
            PaymentIntentEvent event =
                    assertInstanceOf(PaymentIntentEvent.class, ex.getIn().getBody());
            assertEquals(checkout, event.getCheckoutId());
            assertEquals(legacy.messageId(), ex.getIn().getHeader(RecurrenteConstants.EVENT_ID));
            assertEquals(event.getId(), ex.getIn().getHeader(RecurrenteConstants.ID));
            assertTrue(sandbox.deliveries().stream().allMatch(WebhookDelivery::succeeded), "no failed attempt");
        }
    }

    @Test
    void webhookFormWithoutAutoRegistration() throws Exception {
        String secret = (String) sandbox.registerWebhookEndpoint(hookUrl()).get("signingSecret");
        try (WebhookTestSupport.App app = app("webhook:recurrente:events?webhookComponentName=platform-http"
                + "&webhookAutoRegister=false&eventTypes=intent.*&webhookSecret=RAW("
                + secret + ")")) {
            assertEquals(0, createWebhookEndpointCalls(), "auto-registration is off");
            payNewCheckout();
            WebhookDelivery unified = lastSuccess("intent.succeeded");
            lastSuccess("payment_intent.succeeded");
            MockEndpoint mock = mock(app);
            assertEquals(1, mock.getReceivedCounter());
            assertInstanceOf(
                    IntentEvent.class,
                    mock.getReceivedExchanges().get(0).getIn().getBody());
            assertEquals(
                    unified.messageId(),
                    mock.getReceivedExchanges().get(0).getIn().getHeader(RecurrenteConstants.EVENT_ID));
            // default path of the webhook form is ours, not Camel's hash path
            assertEquals(
                    "/recurrente/events",
                    recurrenteEndpoint(app).getWebhookConfiguration().getWebhookPath());
            assertEquals(1, registeredEndpoints().size());
        }
    }

    @Test
    void autoRegistrationRegistersOnceReusesOnRestartAndUnregistersWhenConfigured() throws Exception {
        Path secretFile = tmp.resolve("secrets/recurrente-webhook.secret");
        String uri = autoRegisterUri("&eventTypes=payment_intent.succeeded&webhookSecretFile=RAW(" + secretFile + ")");

        String firstId;
        try (WebhookTestSupport.App app = app(uri)) {
            List<JsonNode> eps = registeredEndpoints();
            assertEquals(1, eps.size());
            assertEquals(hookUrl(), eps.get(0).path("url").asText());
            firstId = eps.get(0).path("id").asText();
            assertEquals(firstId, recurrenteEndpoint(app).getWebhook().getRegisteredId());
            assertTrue(Files.readString(secretFile).trim().startsWith("whsec_"), "the signing secret is stored");
            assertEquals(1, createWebhookEndpointCalls());

            payNewCheckout();
            lastSuccess("payment_intent.succeeded");
            assertEquals(1, mock(app).getReceivedCounter());
        }
        // stopped without webhookUnregisterOnStop: the endpoint stays
        assertEquals(1, registeredEndpoints().size());

        sandbox.clearDeliveries();
        try (WebhookTestSupport.App app = app(uri)) {
            assertEquals(1, createWebhookEndpointCalls(), "restart reuses the endpoint instead of creating another");
            List<JsonNode> eps = registeredEndpoints();
            assertEquals(1, eps.size());
            assertEquals(firstId, recurrenteEndpoint(app).getWebhook().getRegisteredId());

            // the stored secret verifies after the restart
            payNewCheckout();
            lastSuccess("payment_intent.succeeded");
            assertEquals(1, mock(app).getReceivedCounter());
            assertTrue(sandbox.deliveries().stream().allMatch(WebhookDelivery::succeeded));
        }

        try (WebhookTestSupport.App app = app(uri + "&webhookUnregisterOnStop=true")) {
            assertEquals(firstId, recurrenteEndpoint(app).getWebhook().getRegisteredId());
        }
        assertEquals(0, registeredEndpoints().size(), "unregistered on stop");
        assertFalse(Files.exists(secretFile), "the secret of the deleted endpoint is removed");
        assertTrue(sandbox.requests().stream()
                .anyMatch(r -> "DELETE".equals(r.method()) && r.path().endsWith("/webhook_endpoints/" + firstId)));
    }

    @Test
    void existingEndpointWithoutAKnownSecretIsAClearStartupError() {
        Map<String, Object> existing = sandbox.registerWebhookEndpoint(hookUrl());
        String secret = (String) existing.get("signingSecret");
        Exception e =
                assertThrows(Exception.class, () -> app(autoRegisterUri("")).close());
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(" | ");
        }
        String msg = all.toString();
        assertTrue(msg.contains("already exists"), msg);
        assertTrue(msg.contains((String) existing.get("id")), msg);
        assertTrue(msg.contains("webhookSecret"), msg);
        assertTrue(msg.contains("delete the endpoint"), msg);
        assertFalse(msg.contains(secret.substring(6)), "no secret in the message");
        assertFalse(msg.contains(RecurrenteSandbox.DEFAULT_SECRET_KEY), "no API key in the message");
    }

    @Test
    void autoRegistrationWithConfiguredSecretOfAnExistingEndpoint() throws Exception {
        String secret = (String) sandbox.registerWebhookEndpoint(hookUrl()).get("signingSecret");
        try (WebhookTestSupport.App app =
                app(autoRegisterUri("&eventTypes=payment_intent.*&webhookSecret=RAW(" + secret + ")"))) {
            assertEquals(1, registeredEndpoints().size());
            payNewCheckout();
            lastSuccess("payment_intent.succeeded");
            assertEquals(1, mock(app).getReceivedCounter());
        }
    }

    @Test
    void routeFailureIsRetriedBySenderAndTheRetryIsRouted() throws Exception {
        // auto-registration without a secret file: the secret returned at creation is used from memory
        try (WebhookTestSupport.App app = app(autoRegisterUri("&eventTypes=payment_intent.succeeded"))) {
            FAILURES_TO_INJECT.set(1);
            payNewCheckout();
            WebhookDelivery ok = lastSuccess("payment_intent.succeeded");
            List<WebhookDelivery> attempts = sandbox.deliveries().stream()
                    .filter(d -> d.messageId().equals(ok.messageId()))
                    .toList();
            assertEquals(500, attempts.get(0).statusCode(), "first attempt failed in the route");
            assertTrue(attempts.get(attempts.size() - 1).succeeded());
            assertTrue(attempts.size() >= 2);
            MockEndpoint mock = mock(app);
            assertEquals(1, mock.getReceivedCounter(), "the retry was routed once");
            assertEquals(
                    ok.messageId(), mock.getReceivedExchanges().get(0).getIn().getHeader(RecurrenteConstants.EVENT_ID));

            // a re-send of the processed delivery is acknowledged and not routed again
            sandbox.resend(ok.messageId());
            sandbox.awaitDeliveries("payment_intent.succeeded", 2, WAIT);
            assertEquals(1, mock.getReceivedCounter());
        }
    }

    @Test
    void jdbcIdempotentRepositorySurvivesARestart() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:webhook-restart;DB_CLOSE_DELAY=-1");
        String secret = (String) sandbox.registerWebhookEndpoint(hookUrl()).get("signingSecret");
        String uri = "recurrente:events?eventTypes=payment_intent.succeeded&idempotentRepository=#eventRepo"
                + "&webhookSecret=RAW(" + secret + ")";

        String messageId;
        try (WebhookTestSupport.App app =
                app(uri, Map.of("eventRepo", new JdbcMessageIdRepository(ds, "recurrente-events")))) {
            payNewCheckout();
            messageId = lastSuccess("payment_intent.succeeded").messageId();
            assertEquals(1, mock(app).getReceivedCounter());
        }
        try (WebhookTestSupport.App app =
                app(uri, Map.of("eventRepo", new JdbcMessageIdRepository(ds, "recurrente-events")))) {
            sandbox.clearDeliveries();
            sandbox.resend(messageId);
            WebhookDelivery again = lastSuccess("payment_intent.succeeded");
            assertEquals(messageId, again.messageId());
            assertEquals(0, mock(app).getReceivedCounter(), "already processed before the restart: not routed again");

            payNewCheckout();
            sandbox.awaitDeliveries("payment_intent.succeeded", 2, WAIT);
            assertEquals(1, mock(app).getReceivedCounter(), "a new event is routed");
        }
        try (var c = ds.getConnection();
                var s = c.createStatement();
                var rs = s.executeQuery(
                        "select count(*) from CAMEL_MESSAGEPROCESSED where processorName='recurrente-events'")) {
            assertTrue(rs.next());
            assertEquals(2, rs.getInt(1));
        }
    }

    @Test
    void refetchPutsTheCanonicalObjectInAHeader() throws Exception {
        String secret = (String) sandbox.registerWebhookEndpoint(hookUrl()).get("signingSecret");
        try (WebhookTestSupport.App app = app("recurrente:events?refetch=true&serverErrorRetries=0"
                + "&eventTypes=payment_intent.succeeded,intent.succeeded"
                + "&webhookSecret=RAW(" + secret + ")" + api())) {
            String checkout = payNewCheckout();
            lastSuccess("payment_intent.succeeded");
            lastSuccess("intent.succeeded");
            MockEndpoint mock = mock(app);
            assertEquals(2, mock.getReceivedCounter());
            Checkout canonicalCheckout = null;
            Intent canonicalIntent = null;
            for (Exchange ex : mock.getReceivedExchanges()) {
                Object canonical = ex.getIn().getHeader(RecurrenteConstants.CANONICAL);
                assertNotNull(
                        canonical, "canonical object for " + ex.getIn().getHeader(RecurrenteConstants.EVENT_TYPE));
                if (ex.getIn().getBody() instanceof PaymentIntentEvent) {
                    canonicalCheckout = assertInstanceOf(Checkout.class, canonical);
                } else {
                    IntentEvent ie =
                            assertInstanceOf(IntentEvent.class, ex.getIn().getBody());
                    canonicalIntent = assertInstanceOf(Intent.class, canonical);
                    assertEquals(ie.getId(), canonicalIntent.getId());
                }
            }
            assertNotNull(canonicalCheckout);
            assertNotNull(canonicalIntent);
            assertEquals(checkout, canonicalCheckout.getId());
            assertEquals("paid", canonicalCheckout.getStatus());

            // the API fails once while refetching: 503, the sender retries, the retry is routed
            sandbox.clearDeliveries();
            sandbox.addFault(Fault.status(500).onPath("/api/checkouts/.*").onMethod("GET"));
            payNewCheckout();
            WebhookDelivery ok = lastSuccess("payment_intent.succeeded");
            List<WebhookDelivery> attempts = sandbox.deliveries().stream()
                    .filter(d -> d.messageId().equals(ok.messageId()))
                    .toList();
            assertEquals(503, attempts.get(0).statusCode());
            lastSuccess("intent.succeeded");
            assertEquals(4, mock.getReceivedCounter());
        }
        for (RecordedRequest r : sandbox.requests()) {
            assertTrue(r.toString().indexOf(RecurrenteSandbox.DEFAULT_SECRET_KEY) < 0);
        }
    }
}
