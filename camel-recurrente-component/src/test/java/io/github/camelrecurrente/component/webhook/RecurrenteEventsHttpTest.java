package io.github.camelrecurrente.component.webhook;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelrecurrente.component.RecurrenteConstants;
import io.github.camelrecurrente.component.model.ModelFixtures;
import io.github.camelrecurrente.component.model.event.BankTransferIntentEvent;
import io.github.camelrecurrente.component.model.event.IntentEvent;
import io.github.camelrecurrente.component.model.event.PaymentIntentEvent;
import io.github.camelrecurrente.component.model.event.RecurrenteEvent;
import io.github.camelrecurrente.component.model.event.SetupIntentEvent;
import io.github.camelrecurrente.component.model.event.SubscriptionEvent;
import io.github.camelrecurrente.sandbox.testing.SvixSigner;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.github.camelrecurrente.component.webhook.WebhookTestSupport.get;
import static io.github.camelrecurrente.component.webhook.WebhookTestSupport.now;
import static io.github.camelrecurrente.component.webhook.WebhookTestSupport.post;
import static io.github.camelrecurrente.component.webhook.WebhookTestSupport.resource;
import static io.github.camelrecurrente.component.webhook.WebhookTestSupport.signed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code from("recurrente:events")} served by Camel Main + platform-http: every HTTP answer of the contract. */
class RecurrenteEventsHttpTest {

    static final String SECRET = SvixSigner.newSecret();
    static final String SECRET_2 = SvixSigner.newSecret();
    static final String UNKNOWN_SECRET = SvixSigner.newSecret();
    static final String PLUS_SECRET = plusSecret();

    static final AtomicInteger FAILURES_TO_INJECT = new AtomicInteger();
    static volatile CountDownLatch slowGate = new CountDownLatch(0);
    static volatile CountDownLatch slowEntered = new CountDownLatch(1);

    static String plusSecret() {
        String s = SvixSigner.newSecret();
        while (!s.contains("+")) {
            s = SvixSigner.newSecret();
        }
        return s;
    }

    static WebhookTestSupport.App app;
    static int port;

    @BeforeAll
    static void startApp() throws Exception {
        port = AvailablePortFinder.getNextAvailable();
        app = WebhookTestSupport.start(port, new RouteBuilder() {
            @Override
            public void configure() {
                from("recurrente:events?webhookSecret=RAW(" + SECRET + ")")
                        .routeId("main")
                        .process(e -> {
                            if (FAILURES_TO_INJECT.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                                throw new IllegalStateException("injected failure");
                            }
                        })
                        .setHeader("X-Erp-Ledger-Entry", constant("L-1"))
                        .to("mock:events");
                from("recurrente:events?webhookPath=/hooks/unified&eventTypes=intent.*&webhookSecret=RAW(" + SECRET
                                + ")")
                        .routeId("unified")
                        .to("mock:unified");
                from("recurrente:events?webhookPath=/hooks/multi&webhookSecret=RAW(" + SECRET + "," + SECRET_2 + ")")
                        .routeId("multi")
                        .to("mock:multi");
                from("recurrente:events?webhookPath=/hooks/small&maxBodySize=512&webhookSecret=RAW(" + SECRET + ")")
                        .routeId("small")
                        .to("mock:small");
                // no RAW(): URL decoding turns the '+' of the secret into a space, which the component repairs
                from("recurrente:events?webhookPath=/hooks/noraw&webhookSecret=" + PLUS_SECRET)
                        .routeId("noraw")
                        .to("mock:noraw");
                from("recurrente:events?webhookPath=/hooks/slow&webhookSecret=RAW(" + SECRET + ")")
                        .routeId("slow")
                        .process(e -> {
                            slowEntered.countDown();
                            slowGate.await(20, TimeUnit.SECONDS);
                        })
                        .to("mock:slow");
            }
        });
    }

    @AfterAll
    static void stopApp() {
        if (app != null) {
            app.close();
        }
    }

    @BeforeEach
    void reset() {
        MockEndpoint.resetMocks(app.context());
        FAILURES_TO_INJECT.set(0);
    }

    private static String msgId() {
        return "msg_" + UUID.randomUUID().toString().replace("-", "");
    }

    private static MockEndpoint mock(String name) {
        return app.context().getEndpoint("mock:" + name, MockEndpoint.class);
    }

    private static HttpResponse<String> deliver(String path, String secret, String id, byte[] body) {
        return post(port, path, body, signed(secret, id, body));
    }

    @Test
    void validDeliveryIsRoutedAsTypedEventWithHeaders() {
        byte[] body = resource("payment_intent.succeeded.postman-docs.json");
        String id = msgId();
        long ts = now();
        HttpResponse<String> r = post(port, "/recurrente/events", body, signed(SECRET, id, ts, body));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("ok", r.body());
        assertFalse(r.headers().firstValue("svix-signature").isPresent(), "the signature must not be echoed");
        for (String echoed :
                new String[] {"svix-id", "svix-timestamp", "X-Erp-Ledger-Entry", RecurrenteConstants.EVENT_TYPE}) {
            assertFalse(
                    r.headers().firstValue(echoed).isPresent(), echoed + " must not be in the answer: " + r.headers());
        }
        assertEquals(
                "text/plain; charset=utf-8",
                r.headers().firstValue("Content-Type").orElse(null));
        assertEquals("2", r.headers().firstValue("Content-Length").orElse(null));

        MockEndpoint events = mock("events");
        assertEquals(1, events.getReceivedCounter());
        Exchange ex = events.getReceivedExchanges().get(0);
        PaymentIntentEvent event =
                assertInstanceOf(PaymentIntentEvent.class, ex.getIn().getBody());
        assertEquals("payment_intent.succeeded", event.getEventType());
        assertEquals("ch_id123", event.getCheckoutId());
        assertEquals("payment_intent.succeeded", ex.getIn().getHeader(RecurrenteConstants.EVENT_TYPE));
        assertEquals(id, ex.getIn().getHeader(RecurrenteConstants.EVENT_ID));
        assertEquals("pa_id123", ex.getIn().getHeader(RecurrenteConstants.RESOURCE_ID));
        assertEquals("pa_id123", ex.getIn().getHeader(RecurrenteConstants.ID));
        assertEquals("2024-04-24", ex.getIn().getHeader(RecurrenteConstants.API_VERSION));
        assertEquals(Long.toString(ts), ex.getIn().getHeader(RecurrenteConstants.EVENT_TIMESTAMP));
        assertNull(ex.getIn().getHeader(RecurrenteConstants.ACCOUNT_ID));
        assertNull(ex.getIn().getHeader(RecurrenteConstants.CANONICAL));
    }

    @ParameterizedTest
    @CsvSource({
        "payment_intent.succeeded.postman-docs.json, payment_intent.succeeded, pa_id123, pa_id123",
        "payment_intent.failed.postman-docs.json, payment_intent.failed, pa_id123, pa_id123",
        "bank_transfer_intent.succeeded.postman-docs.json, bank_transfer_intent.succeeded, ba_123,",
        "setup_intent.succeeded.postman-docs.json, setup_intent.succeeded, su_vh8v33ac,",
        "subscription.create.postman-docs.json, subscription.create, su_123,"
    })
    void documentedExamplesParseAndRoute(String file, String type, String resourceId, String paymentIntentId) {
        HttpResponse<String> r = deliver("/recurrente/events", SECRET, msgId(), resource(file));
        assertEquals(200, r.statusCode(), r.body());
        Exchange ex = mock("events").getReceivedExchanges().get(0);
        RecurrenteEvent event = ex.getIn().getBody(RecurrenteEvent.class);
        assertEquals(type, event.getEventType());
        Class<?> expected = switch (type.substring(0, type.indexOf('.'))) {
            case "payment_intent" -> PaymentIntentEvent.class;
            case "bank_transfer_intent" -> BankTransferIntentEvent.class;
            case "setup_intent" -> SetupIntentEvent.class;
            default -> SubscriptionEvent.class;
        };
        assertInstanceOf(expected, event);
        assertEquals(type, ex.getIn().getHeader(RecurrenteConstants.EVENT_TYPE));
        assertEquals(resourceId, ex.getIn().getHeader(RecurrenteConstants.RESOURCE_ID));
        assertEquals(resourceId, ex.getIn().getHeader(RecurrenteConstants.ID));
        assertEquals(paymentIntentId, ex.getIn().getHeader(RecurrenteConstants.PAYMENT_INTENT_ID));
    }

    @Test
    void unifiedIntentEventsCarryNoPaymentIntentIdFromTheirPayment() {
        HttpResponse<String> r = deliver(
                "/recurrente/events", SECRET, msgId(), ModelFixtures.bytes("webhooks/synthetic.intent.succeeded.json"));
        assertEquals(200, r.statusCode(), r.body());
        Exchange ex = mock("events").getReceivedExchanges().get(0);
        assertInstanceOf(IntentEvent.class, ex.getIn().getBody());
        assertEquals("in_9x8y7z6w", ex.getIn().getHeader(RecurrenteConstants.ID), "the event is about the intent");
        assertNull(
                ex.getIn().getHeader(RecurrenteConstants.PAYMENT_INTENT_ID),
                "payment.id pa_123 names the payment, not the payment intent (see PaymentIntentIdsTest)");
    }

    @Test
    void camelHeadersCannotBeInjectedBySender() {
        byte[] body = resource("payment_intent.succeeded.postman-docs.json");
        Map<String, String> headers = new HashMap<>(signed(SECRET, msgId(), body));
        headers.put("CamelRecurrenteInjected", "yes");
        headers.put("X-Sender-Note", "kept");
        HttpResponse<String> r = post(port, "/recurrente/events", body, headers);
        assertEquals(200, r.statusCode(), r.body());
        Exchange ex = mock("events").getReceivedExchanges().get(0);
        assertNull(ex.getIn().getHeader("CamelRecurrenteInjected"), "Camel* headers from the sender are dropped");
        assertEquals("kept", ex.getIn().getHeader("X-Sender-Note"), "other request headers reach the route");
        assertFalse(r.headers().firstValue("X-Sender-Note").isPresent(), "request headers are not echoed");
    }

    @Test
    void connectedAccountHeader() {
        byte[] body =
                ("{\"id\":\"in_1\",\"event_type\":\"intent.succeeded\",\"type\":\"payment\",\"api_version\":\"2024-04-24\","
                                + "\"connected\":true,\"account_id\":\"ac_child\"}")
                        .getBytes(StandardCharsets.UTF_8);
        assertEquals(200, deliver("/recurrente/events", SECRET, msgId(), body).statusCode());
        Exchange ex = mock("events").getReceivedExchanges().get(0);
        assertInstanceOf(IntentEvent.class, ex.getIn().getBody());
        assertEquals("ac_child", ex.getIn().getHeader(RecurrenteConstants.ACCOUNT_ID));
        assertEquals("in_1", ex.getIn().getHeader(RecurrenteConstants.RESOURCE_ID));
    }

    @Test
    void standardWebhooksHeaderNamesAreAccepted() {
        byte[] body = resource("subscription.create.postman-docs.json");
        String id = msgId();
        Map<String, String> h = new HashMap<>();
        signed(SECRET, id, body).forEach((k, v) -> h.put(k.replace("svix-", "webhook-"), v));
        HttpResponse<String> r = post(port, "/recurrente/events", body, h);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(id, mock("events").getReceivedExchanges().get(0).getIn().getHeader(RecurrenteConstants.EVENT_ID));
    }

    @Test
    void forgedSignatureIsRejected() {
        byte[] body = resource("payment_intent.succeeded.postman-docs.json");
        Map<String, String> h = new HashMap<>(signed(SECRET, msgId(), body));
        h.put("svix-signature", "v1," + Base64.getEncoder().encodeToString(new byte[32]));
        HttpResponse<String> r = post(port, "/recurrente/events", body, h);
        assertEquals(401, r.statusCode());
        assertEquals("invalid signature", r.body());
        assertEquals(0, mock("events").getReceivedCounter());
    }

    @Test
    void tamperedBodyIsRejected() {
        byte[] body = resource("payment_intent.succeeded.postman-docs.json");
        Map<String, String> h = signed(SECRET, msgId(), body);
        byte[] tampered = new String(body, StandardCharsets.UTF_8)
                .replace("pa_id123", "pa_evil")
                .getBytes(StandardCharsets.UTF_8);
        assertEquals(401, post(port, "/recurrente/events", tampered, h).statusCode());
        assertEquals(0, mock("events").getReceivedCounter());
    }

    @Test
    void wrongSecretIsRejected() {
        HttpResponse<String> r = deliver(
                "/recurrente/events", UNKNOWN_SECRET, msgId(), resource("payment_intent.succeeded.postman-docs.json"));
        assertEquals(401, r.statusCode());
        assertFalse(r.body().contains(SECRET.substring(6)));
        assertEquals(0, mock("events").getReceivedCounter());
    }

    @Test
    void staleAndFutureTimestampsAreRejected() {
        byte[] body = resource("payment_intent.succeeded.postman-docs.json");
        HttpResponse<String> stale = post(port, "/recurrente/events", body, signed(SECRET, msgId(), now() - 301, body));
        assertEquals(401, stale.statusCode());
        assertEquals("timestamp outside tolerance", stale.body());
        HttpResponse<String> future =
                post(port, "/recurrente/events", body, signed(SECRET, msgId(), now() + 600, body));
        assertEquals(401, future.statusCode());
        assertEquals(0, mock("events").getReceivedCounter());
        // within the tolerance is fine
        assertEquals(
                200,
                post(port, "/recurrente/events", body, signed(SECRET, msgId(), now() - 200, body))
                        .statusCode());
        assertEquals(1, mock("events").getReceivedCounter());
    }

    @Test
    void missingSignatureHeadersAreRejected() {
        HttpResponse<String> r =
                post(port, "/recurrente/events", resource("payment_intent.succeeded.postman-docs.json"), Map.of());
        assertEquals(401, r.statusCode());
        assertEquals("missing signature headers", r.body());
        assertEquals(0, mock("events").getReceivedCounter());
    }

    @Test
    void duplicateDeliveryIdIsAcknowledgedWithoutRouting() {
        byte[] body = resource("payment_intent.succeeded.postman-docs.json");
        String id = msgId();
        assertEquals(200, deliver("/recurrente/events", SECRET, id, body).statusCode());
        HttpResponse<String> again = deliver("/recurrente/events", SECRET, id, body);
        assertEquals(200, again.statusCode());
        assertEquals("duplicate", again.body());
        assertEquals(1, mock("events").getReceivedCounter());
        // same payload (same payment id) under another delivery id is a different delivery: routed
        assertEquals(200, deliver("/recurrente/events", SECRET, msgId(), body).statusCode());
        assertEquals(2, mock("events").getReceivedCounter());
    }

    @Test
    void validSignatureButNotAnEventIs400() {
        for (String bad : new String[] {"{not json", "[1,2,3]", "{\"id\":\"pa_1\"}", ""}) {
            HttpResponse<String> r =
                    deliver("/recurrente/events", SECRET, msgId(), bad.getBytes(StandardCharsets.UTF_8));
            assertEquals(400, r.statusCode(), bad);
            assertEquals("not a Recurrente event", r.body());
        }
        assertEquals(0, mock("events").getReceivedCounter());
    }

    @Test
    void oversizedBodyIs413() {
        StringBuilder sb = new StringBuilder("{\"event_type\":\"intent.succeeded\",\"id\":\"in_1\",\"pad\":\"");
        sb.append("x".repeat(1024)).append("\"}");
        byte[] big = sb.toString().getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = deliver("/hooks/small", SECRET, msgId(), big);
        assertEquals(413, r.statusCode());
        assertEquals(0, mock("small").getReceivedCounter());
        byte[] small = "{\"event_type\":\"intent.succeeded\",\"id\":\"in_1\"}".getBytes(StandardCharsets.UTF_8);
        assertEquals(200, deliver("/hooks/small", SECRET, msgId(), small).statusCode());
        assertEquals(1, mock("small").getReceivedCounter());
    }

    @Test
    void getIs405() {
        HttpResponse<String> r = get(port, "/recurrente/events");
        assertEquals(405, r.statusCode());
        assertEquals(0, mock("events").getReceivedCounter());
    }

    @Test
    void routeFailureAnswers500AndTheRetryIsRouted() {
        byte[] body = resource("payment_intent.succeeded.postman-docs.json");
        String id = msgId();
        FAILURES_TO_INJECT.set(1);
        HttpResponse<String> first = deliver("/recurrente/events", SECRET, id, body);
        assertEquals(500, first.statusCode());
        assertEquals("processing failed", first.body());
        assertFalse(first.body().contains("injected failure"), "no stack trace or message in the answer");
        assertEquals(0, mock("events").getReceivedCounter());
        // the sender retries the same delivery id: it was not marked as seen
        HttpResponse<String> retry = deliver("/recurrente/events", SECRET, id, body);
        assertEquals(200, retry.statusCode());
        assertEquals(1, mock("events").getReceivedCounter());
        // and now it is
        assertEquals(
                "duplicate", deliver("/recurrente/events", SECRET, id, body).body());
        assertEquals(1, mock("events").getReceivedCounter());
    }

    @Test
    void eventTypesFilterAcknowledgesButDoesNotRoute() {
        HttpResponse<String> legacy =
                deliver("/hooks/unified", SECRET, msgId(), resource("payment_intent.succeeded.postman-docs.json"));
        assertEquals(200, legacy.statusCode());
        assertEquals("ignored", legacy.body());
        assertEquals(0, mock("unified").getReceivedCounter());
        byte[] unified = "{\"id\":\"in_9\",\"event_type\":\"intent.succeeded\",\"type\":\"payment\"}"
                .getBytes(StandardCharsets.UTF_8);
        assertEquals("ok", deliver("/hooks/unified", SECRET, msgId(), unified).body());
        assertEquals(1, mock("unified").getReceivedCounter());
    }

    @Test
    void severalSecretsEachVerify() {
        byte[] body = resource("subscription.create.postman-docs.json");
        assertEquals(200, deliver("/hooks/multi", SECRET, msgId(), body).statusCode());
        assertEquals(200, deliver("/hooks/multi", SECRET_2, msgId(), body).statusCode());
        assertEquals(401, deliver("/hooks/multi", UNKNOWN_SECRET, msgId(), body).statusCode());
        assertEquals(2, mock("multi").getReceivedCounter());
    }

    @Test
    void secretWithPlusSignWithoutRawWorks() {
        byte[] body = resource("subscription.create.postman-docs.json");
        assertEquals(200, deliver("/hooks/noraw", PLUS_SECRET, msgId(), body).statusCode());
        assertEquals(401, deliver("/hooks/noraw", SECRET, msgId(), body).statusCode());
        assertEquals(1, mock("noraw").getReceivedCounter());
    }

    @Test
    void concurrentDeliveryOfAnIdInProgressIsNotAcknowledged() throws Exception {
        slowGate = new CountDownLatch(1);
        slowEntered = new CountDownLatch(1);
        byte[] body = resource("payment_intent.succeeded.postman-docs.json");
        String id = msgId();
        CompletableFuture<HttpResponse<String>> first =
                CompletableFuture.supplyAsync(() -> deliver("/hooks/slow", SECRET, id, body));
        assertTrue(slowEntered.await(10, TimeUnit.SECONDS), "first delivery entered the route");
        HttpResponse<String> second = deliver("/hooks/slow", SECRET, id, body);
        assertEquals(409, second.statusCode(), "a delivery still in progress must not be acknowledged 2xx");
        org.apache.camel.spi.IdempotentRepository repo =
                slowEndpoint().getWebhook().idempotentRepository();
        assertFalse(repo.contains(id), "not recorded while the route runs: a crash now must not lose the event");
        slowGate.countDown();
        assertEquals(200, first.get(20, TimeUnit.SECONDS).statusCode());
        assertTrue(repo.contains(id), "recorded once the route completed");
        assertEquals(1, mock("slow").getReceivedCounter());
        assertEquals("duplicate", deliver("/hooks/slow", SECRET, id, body).body());
    }

    private static io.github.camelrecurrente.component.RecurrenteEndpoint slowEndpoint() {
        return app.context().getEndpoints().stream()
                .filter(e -> e instanceof io.github.camelrecurrente.component.RecurrenteEndpoint re
                        && "/hooks/slow".equals(re.getConfiguration().getWebhookPath()))
                .map(e -> (io.github.camelrecurrente.component.RecurrenteEndpoint) e)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void endpointToStringHidesTheSecret() {
        String all = app.context().getEndpoints().toString()
                + app.context().getRoutes().toString();
        assertTrue(all.contains("recurrente"), all);
        assertFalse(all.contains(SECRET.substring(6)), "secret leaked: " + all);
        assertFalse(all.contains(SECRET_2.substring(6)), "secret leaked: " + all);
        assertFalse(all.contains(PLUS_SECRET.substring(6, 20)), "secret leaked: " + all);
    }
}
