package io.github.camelrecurrente.component.polling;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.github.camelrecurrente.sandbox.Fault;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JDBC state repository (H2) and the no-secret-in-logs rule. */
class PollingStateStoreTest extends PollingTestSupport {

    @Test
    void jdbcStateRepositoryKeepsThePositionAcrossRestarts() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Instant t0 = hourAgo();
        List<String> seeded = sandbox.seedCheckouts(SK, 12, t0.plusSeconds(1), t0.plusSeconds(12));
        String uri = fast("listCheckouts", "items=5&stateRepository=#state&initialFromTime=" + t0);

        List<Exchange> first = sink();
        CamelContext one = newContext();
        JdbcStateRepository repo1 = new JdbcStateRepository(ds);
        repo1.setCreateTable(true);
        one.getRegistry().bind("state", repo1);
        route(one, uri, first);
        one.start();
        awaitExactly(first, 12);
        assertEquals(seeded, ids(first));
        one.stop();

        try (Connection c = ds.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT STATE_KEY, STATE_VALUE FROM CAMEL_RECURRENTE_STATE")) {
            assertTrue(rs.next());
            assertEquals("recurrente.jdbc-sync", rs.getString(1));
            String value = rs.getString(2);
            assertTrue(value.contains(seeded.get(11)), "the newest id is at the mark: " + value);
            assertFalse(value.contains(SK));
            assertFalse(rs.next());
        }

        String x = sandbox.createCheckout(700, "GTQ");
        List<Exchange> second = sink();
        CamelContext two = newContext();
        two.getRegistry().bind("state", new JdbcStateRepository(ds)); // table exists now
        route(two, uri, second);
        two.start();
        awaitExactly(second, 1);
        assertEquals(List.of(x), ids(second));
    }

    @Test
    void noSecretInLogLinesOfFailedPollsAndFailedExchanges() throws Exception {
        String secret = "sk_test_polling_SECRET_4242";
        Instant t0 = hourAgo();
        sandbox.seedCheckouts(SK, 2, t0.plusSeconds(1), t0.plusSeconds(2));
        sandbox.addFault(Fault.status(500).onPath("/api/checkouts").times(2));
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        List<Exchange> got = sink();
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            CamelContext ctx = newContext();
            ctx.getComponent("recurrente", io.github.camelrecurrente.component.RecurrenteComponent.class)
                    .getConfiguration()
                    .setSecretKey(null);
            ctx.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(fast(
                                    "listCheckouts",
                                    "serverErrorRetries=0&secretKey=RAW(" + secret + ")&initialFromTime=" + t0))
                            .routeId("logs")
                            .process(e -> {
                                if (e.getProperty(Exchange.BATCH_INDEX, Integer.class) == 1 && got.size() < 3) {
                                    got.add(e);
                                    throw new IllegalStateException("boom");
                                }
                                got.add(e);
                            });
                }
            });
            ctx.start();
            await("the items after the failures", java.time.Duration.ofSeconds(10), () -> got.size() >= 3);
            ctx.stop();
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("500"), "the failed poll was logged");
        assertTrue(log.contains("boom"), "the failed exchange was logged");
        assertFalse(log.contains(secret), "the secret key never appears in a log line");
    }

    private static void route(CamelContext ctx, String uri, List<Exchange> sink) throws Exception {
        ctx.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("jdbc-sync").process(sink::add);
            }
        });
    }
}
