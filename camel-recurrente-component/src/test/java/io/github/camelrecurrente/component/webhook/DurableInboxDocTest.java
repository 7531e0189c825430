package io.github.camelrecurrente.component.webhook;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.camelrecurrente.component.RecurrenteConstants;
import io.github.camelrecurrente.component.RecurrenteEventMessage;
import io.github.camelrecurrente.component.model.ModelFixtures;
import io.github.camelrecurrente.component.model.event.IntentEvent;
import io.github.camelrecurrente.component.model.event.PaymentIntentEvent;
import io.github.camelrecurrente.sandbox.testing.SvixSigner;
import org.apache.camel.Message;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.AvailablePortFinder;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.github.camelrecurrente.component.webhook.WebhookTestSupport.now;
import static io.github.camelrecurrente.component.webhook.WebhookTestSupport.post;
import static io.github.camelrecurrente.component.webhook.WebhookTestSupport.signed;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The durable inbox of docs/receiving-events.md ("Store first, process later"): its table, its YAML routes (read from
 * the page) and its Java DSL routes (the same text as the page), on H2 in PostgreSQL mode. A delivery is answered 2xx
 * once its row is committed, the poller routes the message recurrente:events would have routed, a failure is retried
 * from the table, and the same delivery stored again (after a restart) is answered 2xx and not processed again.
 */
class DurableInboxDocTest {

    static final String SECTION = "## Store first, process later (a durable inbox)";
    static final String SECRET = SvixSigner.newSecret();
    static final AtomicInteger FAILURES_TO_INJECT = new AtomicInteger();

    @TempDir
    Path tmp;

    JdbcDataSource dataSource;

    @BeforeEach
    void database() throws Exception {
        FAILURES_TO_INJECT.set(0);
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:inbox-" + UUID.randomUUID() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1");
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute(block("sql"));
        }
    }

    /** The first fenced block of the given language in the section of the page. */
    static String block(String language) throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "receiving-events.md"), StandardCharsets.UTF_8);
        int start = doc.indexOf(SECTION);
        assertTrue(start >= 0, "docs/receiving-events.md has the section " + SECTION);
        int end = doc.indexOf("\n## ", start + SECTION.length());
        String section = doc.substring(start, end < 0 ? doc.length() : end);
        Matcher m = Pattern.compile("```" + language + "\\n(.*?)```", Pattern.DOTALL)
                .matcher(section);
        assertTrue(m.find(), "a ```" + language + " block in " + SECTION);
        return m.group(1);
    }

    /** The Java DSL of the page, with the secret given directly. */
    static RouteBuilder javaRoutes(String secret) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("recurrente:events?webhookSecret=RAW(" + secret + ")")
                        .routeId("recurrente-intake")
                        .to("sql:insert into recurrente_inbox (delivery_id, event_timestamp, payload)"
                                + " values (:#${header.CamelRecurrenteEventId}, :#${header.CamelRecurrenteEventTimestamp},"
                                + " :#${header.CamelRecurrenteRawBody}) on conflict do nothing");

                from("sql:select delivery_id, event_timestamp, payload from recurrente_inbox"
                                + " where status = 'NEW' and attempts < 10 order by received_at"
                                + "?delay=1000"
                                + "&onConsume=RAW(update recurrente_inbox set status = 'DONE' where delivery_id = :#delivery_id)"
                                + "&onConsumeFailed=RAW(update recurrente_inbox set attempts = attempts + 1 where delivery_id = :#delivery_id)")
                        .routeId("recurrente-inbox")
                        .process(exchange -> {
                            Map<?, ?> row = exchange.getMessage().getBody(Map.class);
                            RecurrenteEventMessage.populate(
                                    exchange.getMessage(),
                                    (byte[]) row.get("payload"),
                                    (String) row.get("delivery_id"),
                                    (String) row.get("event_timestamp"));
                        })
                        .to("direct:process-event");
            }
        };
    }

    /** What the page's routes hand over to: fails while FAILURES_TO_INJECT is positive. */
    static RoutesBuilder processing() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:process-event")
                        .process(e -> {
                            if (FAILURES_TO_INJECT.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                                throw new IllegalStateException("injected failure");
                            }
                        })
                        .to("mock:processed");
            }
        };
    }

    WebhookTestSupport.App start(String form) throws Exception {
        int port = AvailablePortFinder.getNextAvailable();
        if ("yaml".equals(form)) {
            Path routes = tmp.resolve("inbox-" + UUID.randomUUID() + ".yaml");
            Files.writeString(
                    routes,
                    block("yaml").replace("{{env:RECURRENTE_WEBHOOK_SECRET}}", "{{recurrente.webhook.secret}}"),
                    StandardCharsets.UTF_8);
            return WebhookTestSupport.start(
                    port,
                    processing(),
                    Map.of("dataSource", dataSource),
                    Map.of(
                            "camel.main.routes-include-pattern",
                            "file:" + routes.toAbsolutePath(),
                            "recurrente.webhook.secret",
                            SECRET));
        }
        WebhookTestSupport.App app = WebhookTestSupport.start(port, processing(), Map.of("dataSource", dataSource));
        app.context().addRoutes(javaRoutes(SECRET));
        return app;
    }

    @ParameterizedTest
    @ValueSource(strings = {"yaml", "java"})
    void storeFirstProcessLater(String form) throws Exception {
        byte[] body = StoredDeliveryTest.UNUSUAL.getBytes(StandardCharsets.UTF_8);
        String id = "msg_" + UUID.randomUUID().toString().replace("-", "");
        long ts = now();
        try (WebhookTestSupport.App app = start(form)) {
            assertEquals(3, app.context().getRoutes().size(), "intake, poller and processing");
            HttpResponse<String> r = post(app.port, "/recurrente/events", body, signed(SECRET, id, ts, body));
            assertEquals(200, r.statusCode(), r.body());
            assertEquals("ok", r.body());
            // answered: so the row is committed, byte for byte (read on a connection of its own)
            assertArrayEquals(body, (byte[]) row(id).get("payload"));
            assertEquals(Long.toString(ts), row(id).get("event_timestamp"));

            MockEndpoint processed = app.context().getEndpoint("mock:processed", MockEndpoint.class);
            await(() -> processed.getReceivedCounter() == 1, "the poller routed the stored delivery");
            Message m = processed.getReceivedExchanges().get(0).getIn();
            PaymentIntentEvent event = assertInstanceOf(PaymentIntentEvent.class, m.getBody());
            assertEquals("pa_\u00fcnusual1", event.getId());
            assertEquals(
                    Map.of(
                            RecurrenteConstants.EVENT_TYPE, "payment_intent.succeeded",
                            RecurrenteConstants.EVENT_ID, id,
                            RecurrenteConstants.EVENT_TIMESTAMP, Long.toString(ts),
                            RecurrenteConstants.RESOURCE_ID, "pa_\u00fcnusual1",
                            RecurrenteConstants.ID, "pa_\u00fcnusual1",
                            RecurrenteConstants.PAYMENT_INTENT_ID, "pa_\u00fcnusual1",
                            RecurrenteConstants.API_VERSION, "2024-04-24"),
                    recurrenteHeaders(m),
                    "the message recurrente:events would have routed");
            await(() -> "DONE".equals(row(id).get("status")), "marked DONE");

            // a failing processing is retried from the table; Recurrente got its 2xx long ago
            FAILURES_TO_INJECT.set(2);
            byte[] intent = ModelFixtures.bytes("webhooks/synthetic.intent.succeeded.json");
            String id2 = "msg_" + UUID.randomUUID().toString().replace("-", "");
            assertEquals(
                    "ok",
                    post(app.port, "/recurrente/events", intent, signed(SECRET, id2, intent))
                            .body());
            await(() -> processed.getReceivedCounter() == 2, "processed at the third attempt");
            Message m2 = processed.getReceivedExchanges().get(1).getIn();
            assertInstanceOf(IntentEvent.class, m2.getBody());
            assertNull(m2.getHeader(RecurrenteConstants.PAYMENT_INTENT_ID), "no latest_intent: unknown");
            await(() -> "DONE".equals(row(id2).get("status")), "marked DONE");
            assertEquals(2, ((Number) row(id2).get("attempts")).intValue());
        }

        // another node, or this one after a restart: the same delivery again is answered 2xx and not processed again
        try (WebhookTestSupport.App again = start(form)) {
            HttpResponse<String> r = post(again.port, "/recurrente/events", body, signed(SECRET, id, ts, body));
            assertEquals(200, r.statusCode(), r.body());
            assertEquals("ok", r.body(), "stored before: the insert is a no-op");
            Thread.sleep(1500); // more than one poll
            assertEquals(
                    0,
                    again.context()
                            .getEndpoint("mock:processed", MockEndpoint.class)
                            .getReceivedCounter());
            assertEquals("DONE", row(id).get("status"));
            assertEquals(2L, count());
        }
    }

    private static Map<String, Object> recurrenteHeaders(Message m) {
        Map<String, Object> out = new TreeMap<>();
        m.getHeaders().forEach((k, v) -> {
            if (k.startsWith("CamelRecurrente")) {
                out.put(k, v);
            }
        });
        assertNull(m.getHeader(RecurrenteConstants.RAW_BODY));
        return out;
    }

    private Map<String, Object> row(String id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("select delivery_id, event_timestamp, payload, status,"
                        + " attempts from recurrente_inbox where delivery_id = ?")) {
            q.setString(1, id);
            try (ResultSet rs = q.executeQuery()) {
                assertTrue(rs.next(), "row " + id);
                Map<String, Object> row = new TreeMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnLabel(i).toLowerCase(), rs.getObject(i));
                }
                return row;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long count() throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from recurrente_inbox")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting: " + what);
            }
            Thread.sleep(50);
        }
    }
}
