package io.github.camelrecurrente.component.webhook;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import io.github.camelrecurrente.component.RecurrenteConstants;
import io.github.camelrecurrente.component.RecurrenteEventMessage;
import io.github.camelrecurrente.component.model.ModelFixtures;
import io.github.camelrecurrente.component.model.RecurrenteJson;
import io.github.camelrecurrente.component.model.event.BankTransferIntentEvent;
import io.github.camelrecurrente.component.model.event.IntentEvent;
import io.github.camelrecurrente.component.model.event.PaymentIntentEvent;
import io.github.camelrecurrente.component.model.event.RecurrenteEvent;
import io.github.camelrecurrente.component.model.event.RecurrenteEventParseException;
import io.github.camelrecurrente.component.model.event.SubscriptionEvent;
import io.github.camelrecurrente.sandbox.testing.SvixSigner;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.DefaultMessage;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static io.github.camelrecurrente.component.webhook.WebhookTestSupport.now;
import static io.github.camelrecurrente.component.webhook.WebhookTestSupport.post;
import static io.github.camelrecurrente.component.webhook.WebhookTestSupport.resource;
import static io.github.camelrecurrente.component.webhook.WebhookTestSupport.signed;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The durable inbox building blocks: {@code recurrente:events} hands the route the body exactly as received
 * ({@code CamelRecurrenteRawBody}), and {@link RecurrenteEventMessage#populate(Message, byte[], String, String)} turns
 * what a route stored (that body, the delivery id and timestamp) back into the message the consumer routed. Deliveries
 * are signed and posted to a real platform-http server on 127.0.0.1.
 */
class StoredDeliveryTest {

    static final String SECRET = SvixSigner.newSecret();
    static final AtomicInteger FAILURES_TO_INJECT = new AtomicInteger();

    /**
     * Field order unlike any serializer's, tabs, CRLF, blank lines, trailing spaces, non-ASCII characters both as UTF-8
     * and as JSON escapes, an emoji (a surrogate pair), and a number written with an exponent: re-serialising the event
     * gives other bytes.
     */
    static final String UNUSUAL = "\r\n\t{ \"metadata\" :{\"nota\":\"Pago de cuota \u2014 a\u00f1o 2026\",\"x\":[ ]},"
            + "\r\n\t\"amount_in_cents\":\t1.5E4 ,\"customer\" : {\"full_name\":\"Jos\u00e9 Pe\u00f1a \u00d1and\u00fa"
            + " \u65e5\u672c \uD83D\uDE00\",\"email\":\"jose@example.com\"},\n\n"
            + "\"currency\":\"GTQ\", \"id\" : \"pa_\u00fcnusual1\",\"escaped\":\"caf\\u00e9 \\ud83d\\ude00\\/\","
            + "  \"api_version\":\"2024-04-24\"   ,\"checkout\":{\"id\":\"ch_1\"},\"created_at\":\"2026-07-01T00:00:00Z\","
            + "\"event_type\"\t:\t\"payment_intent.succeeded\"   }   \r\n";

    static WebhookTestSupport.App app;
    static int port;

    @BeforeAll
    static void startApp() throws Exception {
        port = AvailablePortFinder.getNextAvailable();
        app = WebhookTestSupport.start(port, new RouteBuilder() {
            @Override
            public void configure() {
                from("recurrente:events?webhookSecret=RAW(" + SECRET + ")")
                        .routeId("store")
                        .setHeader("X-Route-Set", constant("not for the sender"))
                        .process(e -> {
                            if (FAILURES_TO_INJECT.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                                throw new IllegalStateException("injected failure");
                            }
                        })
                        .to("mock:events");
                // the webhook: form keeps platform-http's own header filter for the answer
                from("webhook:recurrente:events?webhookComponentName=platform-http&webhookAutoRegister=false"
                                + "&webhookPath=/hooks/webhook-form&webhookSecret=RAW(" + SECRET + ")")
                        .routeId("webhook-form")
                        .to("mock:webhook-form");
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

    /** Posts a signed delivery to recurrente:events and gives the exchange the route received. */
    private static Exchange deliver(byte[] body, String id, long timestamp) {
        HttpResponse<String> r = post(port, "/recurrente/events", body, signed(SECRET, id, timestamp, body));
        assertEquals(200, r.statusCode(), r.body());
        MockEndpoint events = app.context().getEndpoint("mock:events", MockEndpoint.class);
        assertEquals(1, events.getReceivedCounter());
        return events.getReceivedExchanges().get(0);
    }

    private static Message newMessage() {
        return new DefaultMessage(app.context());
    }

    /** The CamelRecurrente* headers of a message, without RAW_BODY: the event headers. */
    private static Map<String, Object> eventHeaders(Message message) {
        Map<String, Object> out = new TreeMap<>();
        message.getHeaders().forEach((k, v) -> {
            if (k.startsWith("CamelRecurrente") && !RecurrenteConstants.RAW_BODY.equals(k)) {
                out.put(k, v);
            }
        });
        return out;
    }

    @Test
    void rawBodyIsTheDeliveryByteForByte() throws Exception {
        byte[] sent = UNUSUAL.getBytes(StandardCharsets.UTF_8);
        Exchange ex = deliver(sent, msgId(), now());
        Object raw = ex.getIn().getHeader(RecurrenteConstants.RAW_BODY);
        byte[] received = assertInstanceOf(byte[].class, raw, "CamelRecurrenteRawBody is a byte[]");
        assertArrayEquals(sent, received, "the body exactly as sent and verified");
        // and the signature verifies on it, so it is what was verified
        String id = msgId();
        long ts = now();
        String signature = SvixSigner.sign(SECRET, id, ts, received);
        assertEquals(signed(SECRET, id, ts, sent).get("svix-signature"), signature);

        PaymentIntentEvent event =
                assertInstanceOf(PaymentIntentEvent.class, ex.getIn().getBody());
        assertEquals("pa_\u00fcnusual1", event.getId());
        byte[] reserialised = RecurrenteJson.mapper().writeValueAsBytes(event);
        assertFalse(Arrays.equals(sent, reserialised), "the test body must differ from a re-serialisation");
        // a stored body that goes through a UTF-8 text column comes back unchanged
        assertArrayEquals(sent, new String(received, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8));
    }

    static Stream<Arguments> deliveries() {
        return Stream.of(
                Arguments.of(
                        "payment_intent.succeeded",
                        resource("payment_intent.succeeded.postman-docs.json"),
                        PaymentIntentEvent.class,
                        Map.of(
                                RecurrenteConstants.EVENT_TYPE, "payment_intent.succeeded",
                                RecurrenteConstants.RESOURCE_ID, "pa_id123",
                                RecurrenteConstants.ID, "pa_id123",
                                RecurrenteConstants.PAYMENT_INTENT_ID, "pa_id123",
                                RecurrenteConstants.API_VERSION, "2024-04-24")),
                Arguments.of(
                        "intent.succeeded (unified, no latest_intent: payment.id names no payment intent)",
                        ModelFixtures.bytes("webhooks/synthetic.intent.succeeded.json"),
                        IntentEvent.class,
                        Map.of(
                                RecurrenteConstants.EVENT_TYPE, "intent.succeeded",
                                RecurrenteConstants.RESOURCE_ID, "in_9x8y7z6w",
                                RecurrenteConstants.ID, "in_9x8y7z6w",
                                RecurrenteConstants.API_VERSION, "2024-04-24")),
                Arguments.of(
                        "subscription.create",
                        resource("subscription.create.postman-docs.json"),
                        SubscriptionEvent.class,
                        Map.of(
                                RecurrenteConstants.EVENT_TYPE, "subscription.create",
                                RecurrenteConstants.RESOURCE_ID, "su_123",
                                RecurrenteConstants.ID, "su_123",
                                RecurrenteConstants.API_VERSION, "2024-04-24")),
                Arguments.of(
                        "bank_transfer_intent.succeeded of a connected account",
                        ModelFixtures.bytes("webhooks/synthetic.bank_transfer_intent.succeeded.connected.json"),
                        BankTransferIntentEvent.class,
                        Map.of(
                                RecurrenteConstants.EVENT_TYPE, "bank_transfer_intent.succeeded",
                                RecurrenteConstants.RESOURCE_ID, "ba_123",
                                RecurrenteConstants.ID, "ba_123",
                                RecurrenteConstants.API_VERSION, "2024-04-24",
                                RecurrenteConstants.ACCOUNT_ID, "ac_123456")),
                Arguments.of(
                        "the unusual body",
                        UNUSUAL.getBytes(StandardCharsets.UTF_8),
                        PaymentIntentEvent.class,
                        Map.of(
                                RecurrenteConstants.EVENT_TYPE, "payment_intent.succeeded",
                                RecurrenteConstants.RESOURCE_ID, "pa_\u00fcnusual1",
                                RecurrenteConstants.ID, "pa_\u00fcnusual1",
                                RecurrenteConstants.PAYMENT_INTENT_ID, "pa_\u00fcnusual1",
                                RecurrenteConstants.API_VERSION, "2024-04-24")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deliveries")
    void storedBodyRebuildsTheRoutedMessage(
            String name, byte[] body, Class<?> bodyClass, Map<String, String> expectedEventHeaders) throws Exception {
        String id = msgId();
        long ts = now();
        Exchange routed = deliver(body, id, ts);
        Message in = routed.getIn();

        // what a durable inbox stores: the raw body, the delivery id and the timestamp
        byte[] stored = in.getHeader(RecurrenteConstants.RAW_BODY, byte[].class);
        String storedId = in.getHeader(RecurrenteConstants.EVENT_ID, String.class);
        String storedTs = in.getHeader(RecurrenteConstants.EVENT_TIMESTAMP, String.class);
        assertArrayEquals(body, stored);
        assertEquals(id, storedId);
        assertEquals(Long.toString(ts), storedTs);

        Message rebuilt = newMessage();
        RecurrenteEvent returned = RecurrenteEventMessage.populate(rebuilt, stored.clone(), storedId, storedTs);

        // the body: same class, same event
        assertSame(bodyClass, in.getBody().getClass());
        assertSame(bodyClass, rebuilt.getBody().getClass());
        assertSame(returned, rebuilt.getBody(), "populate returns the event it put on the message");
        RecurrenteEvent original = in.getBody(RecurrenteEvent.class);
        assertEquals(original.getEventType(), returned.getEventType());
        assertEquals(original.getResourceId(), returned.getResourceId());
        assertEquals(original.getApiVersion(), returned.getApiVersion());
        assertEquals(original.isConnected(), returned.isConnected());
        assertEquals(original.getAccountId(), returned.getAccountId());
        assertEquals(
                RecurrenteJson.mapper().writeValueAsString(original),
                RecurrenteJson.mapper().writeValueAsString(returned),
                "every field of the event, unknown ones included");

        // the headers: every CamelRecurrente* header the consumer routed, and nothing else
        Map<String, Object> expected = new TreeMap<>(expectedEventHeaders);
        expected.put(RecurrenteConstants.EVENT_ID, id);
        expected.put(RecurrenteConstants.EVENT_TIMESTAMP, Long.toString(ts));
        assertEquals(expected, eventHeaders(in), "what the consumer routed");
        assertEquals(eventHeaders(in), new TreeMap<>(rebuilt.getHeaders()), "the rebuilt message: the same headers");
        assertNull(rebuilt.getHeader(RecurrenteConstants.RAW_BODY), "populate does not set the raw body");
    }

    @Test
    void rebuildingFromTheParsedEventGivesTheSameHeaders() {
        byte[] body = ModelFixtures.bytes("webhooks/synthetic.bank_transfer_intent.succeeded.connected.json");
        Message fromBytes = newMessage();
        RecurrenteEvent event = RecurrenteEventMessage.populate(fromBytes, body, "msg_1", "1767225600");
        Message fromEvent = newMessage();
        RecurrenteEventMessage.populate(fromEvent, event, "msg_1", "1767225600");
        assertSame(event, fromEvent.getBody());
        assertEquals(fromBytes.getHeaders(), fromEvent.getHeaders());
        assertEquals("ac_123456", fromEvent.getHeader(RecurrenteConstants.ACCOUNT_ID));
    }

    @Test
    void withoutIdAndTimestampThoseHeadersAreNotSet() {
        Message message = newMessage();
        RecurrenteEventMessage.populate(
                message, ModelFixtures.bytes("webhooks/synthetic.intent.succeeded.json"), null, null);
        assertInstanceOf(IntentEvent.class, message.getBody());
        assertFalse(message.getHeaders().containsKey(RecurrenteConstants.EVENT_ID));
        assertFalse(message.getHeaders().containsKey(RecurrenteConstants.EVENT_TIMESTAMP));
        assertEquals("intent.succeeded", message.getHeader(RecurrenteConstants.EVENT_TYPE));
        assertEquals("in_9x8y7z6w", message.getHeader(RecurrenteConstants.ID));
        assertNull(message.getHeader(RecurrenteConstants.PAYMENT_INTENT_ID), "payment.id is not the payment intent");
    }

    @Test
    void aMessageReusedForAnotherEventKeepsNoHeaderOfThePreviousOne() {
        Message message = newMessage();
        RecurrenteEventMessage.populate(
                message,
                ModelFixtures.bytes("webhooks/synthetic.bank_transfer_intent.succeeded.connected.json"),
                "msg_1",
                "1767225600");
        message.setHeader(RecurrenteConstants.CANONICAL, "the previous delivery's refetched object");
        message.setHeader(RecurrenteConstants.RAW_BODY, new byte[] {'{', '}'});
        RecurrenteEventMessage.populate(
                message, resource("payment_intent.succeeded.postman-docs.json"), "msg_2", "1767225601");
        assertNull(message.getHeader(RecurrenteConstants.CANONICAL), "not the previous delivery's canonical object");
        assertNull(message.getHeader(RecurrenteConstants.RAW_BODY), "not the previous delivery's body");
        assertNull(message.getHeader(RecurrenteConstants.ACCOUNT_ID), "not the previous event's account");
        assertEquals("pa_id123", message.getHeader(RecurrenteConstants.PAYMENT_INTENT_ID));

        RecurrenteEventMessage.populate(message, resource("subscription.create.postman-docs.json"), null, null);
        assertNull(message.getHeader(RecurrenteConstants.PAYMENT_INTENT_ID), "not the previous event's payment");
        assertNull(message.getHeader(RecurrenteConstants.EVENT_ID), "not the previous delivery's id");
        assertNull(message.getHeader(RecurrenteConstants.EVENT_TIMESTAMP), "not the previous delivery's timestamp");
        assertEquals("su_123", message.getHeader(RecurrenteConstants.ID));
    }

    @Test
    void malformedStoredBodyIsAClearParseException() {
        List<String> bad = Arrays.asList(
                null,
                "",
                "{not json",
                "{\"event_type\":\"payment_intent.succeeded\",\"id\":\"pa_1\"",
                "[1,2,3]",
                "\"payment_intent.succeeded\"",
                "{\"id\":\"pa_1\",\"amount_in_cents\":100}",
                "{\"event_type\":\"payment_intent.succeeded\",\"amount_in_cents\":{\"a\":1}}",
                "{\"event_type\":\"x\"} trailing");
        for (String b : bad) {
            byte[] body = b == null ? null : b.getBytes(StandardCharsets.UTF_8);
            Message message = newMessage();
            message.setBody("the stored row");
            message.setHeader("X-Kept", "yes");
            RecurrenteEventParseException e = assertThrows(
                    RecurrenteEventParseException.class,
                    () -> RecurrenteEventMessage.populate(message, body, "msg_1", "1767225600"),
                    String.valueOf(b));
            String text = e.getMessage();
            assertTrue(
                    text.startsWith("not JSON: ")
                            || text.startsWith("not a JSON object: ")
                            || text.startsWith("not a Recurrente event: ")
                            || text.startsWith("cannot read "),
                    b + " -> " + text);
            for (String jackson : new String[] {"com.fasterxml", "[Source:", "\n", "\tat ", "Exception"}) {
                assertFalse(text.contains(jackson), b + " -> message with Jackson text '" + jackson + "': " + text);
            }
            assertTrue(text.length() <= 300, "short: " + text);
            // nothing was put on the message: a failure handler still sees what it had
            assertEquals("the stored row", message.getBody());
            assertEquals(Map.of("X-Kept", "yes"), new TreeMap<>(message.getHeaders()));
        }
    }

    @Test
    void theRawBodyIsNeverInTheAnswer() {
        byte[] body = UNUSUAL.getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> ok = post(port, "/recurrente/events", body, signed(SECRET, msgId(), body));
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals("ok", ok.body());
        assertNoMessageHeaderIn(ok);

        FAILURES_TO_INJECT.set(1);
        HttpResponse<String> failed = post(port, "/recurrente/events", body, signed(SECRET, msgId(), body));
        assertEquals(500, failed.statusCode());
        assertEquals("processing failed", failed.body());
        assertNoMessageHeaderIn(failed);

        HttpResponse<String> webhookForm = post(port, "/hooks/webhook-form", body, signed(SECRET, msgId(), body));
        assertEquals(200, webhookForm.statusCode(), webhookForm.body());
        Exchange ex = app.context()
                .getEndpoint("mock:webhook-form", MockEndpoint.class)
                .getReceivedExchanges()
                .get(0);
        assertArrayEquals(body, ex.getIn().getHeader(RecurrenteConstants.RAW_BODY, byte[].class));
        for (String name : webhookForm.headers().map().keySet()) {
            assertFalse(
                    name.regionMatches(true, 0, "CamelRecurrente", 0, 15),
                    "webhook: form answer has " + name + ": " + webhookForm.headers());
        }
    }

    private static void assertNoMessageHeaderIn(HttpResponse<String> r) {
        for (String name : r.headers().map().keySet()) {
            assertTrue(
                    List.of("content-type", "content-length", "connection", "date")
                            .contains(name.toLowerCase()),
                    "recurrente:events answer has " + name + ": " + r.headers());
        }
        assertFalse(r.headers().firstValue(RecurrenteConstants.RAW_BODY).isPresent());
        assertFalse(r.body().contains("pa_"), "nothing from the request is echoed");
    }
}
