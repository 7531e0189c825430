package io.github.camelrecurrente.examples.app;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.camelrecurrente.examples.ledger.LedgerReport;
import io.github.camelrecurrente.examples.testsupport.TestPostgres;
import io.github.camelrecurrente.examples.testsupport.TestStacks;
import io.github.camelrecurrente.sandbox.PaymentOptions;
import io.github.camelrecurrente.sandbox.RecurrenteSandbox;
import io.github.camelrecurrente.sandbox.WebhookDelivery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stopping a node: a delivery in flight finishes (and is acknowledged 200), new requests are answered 503 meanwhile,
 * and the stop completes. The in-flight delivery is held inside its route (storing it in the inbox) by a real database
 * lock on the webhook_inbox table (PostgreSQL), released once the 503 was seen; what was acknowledged is stored, and
 * posted once the node is back.
 */
class GracefulShutdownTest {

    @TempDir
    Path dir;

    @Test
    void inFlightDeliveryFinishesWhileNewOnesAreAnswered503() throws Exception {
        String url = TestPostgres.newDatabase("shutdown");
        Map<String, String> props = TestStacks.properties(dir);
        props.put("ledger.jdbc-url", url);
        props.put("ledger.username", "postgres");
        props.put("ledger.password", "postgres");
        ExamplesStack stack = ExamplesStack.start(props);
        PGSimpleDataSource admin = new PGSimpleDataSource();
        admin.setURL(url);
        admin.setUser("postgres");
        admin.setPassword("postgres");
        String webhook = "http://127.0.0.1:" + props.get("camel.server.port") + "/recurrente/events";
        CompletableFuture<Void> stopping;
        String paymentId;
        try (Connection lock = admin.getConnection()) {
            lock.setAutoCommit(false);
            try (Statement s = lock.createStatement()) {
                // the route's one statement (storing the delivery) waits for this lock: a delivery in flight
                s.execute("lock table webhook_inbox in exclusive mode");
            }
            RecurrenteSandbox sandbox = stack.sandbox().sandbox();
            String checkout = sandbox.createCheckout(4200, "GTQ");
            paymentId = (String)
                    sandbox.payCheckout(checkout, PaymentOptions.defaults()).get("id");
            TestStacks.await(
                    () -> stack.app().context().getInflightRepository().size("recurrente-webhook-events") == 1,
                    Duration.ofSeconds(30),
                    "the delivery in flight");

            stopping = CompletableFuture.runAsync(stack::stopApp);
            TestStacks.await(() -> status(webhook) == 503, Duration.ofSeconds(30), "503 while draining");
            HttpResponse<String> answer = TestStacks.post(webhook, "{}");
            assertEquals(503, answer.statusCode());
            assertEquals("5", answer.headers().firstValue("Retry-After").orElse(null));
            assertTrue(!stopping.isDone(), "the stop waits for the delivery in flight");
            lock.commit();
        }
        try {
            stopping.get();
            List<WebhookDelivery> attempts = stack.sandbox().sandbox().deliveries().stream()
                    .filter(d -> "payment_intent.succeeded".equals(d.eventType()))
                    .toList();
            assertEquals(1, attempts.size(), attempts.toString());
            assertEquals(200, attempts.get(0).statusCode(), "the delivery in flight was acknowledged: " + attempts);
            LedgerReport ledger = new LedgerReport(admin);
            assertEquals(
                    1,
                    ledger.number(
                            "select count(*) from webhook_inbox where event_type = 'payment_intent.succeeded'"
                                    + " and body like ?",
                            "%" + paymentId + "%"),
                    "and stored, so it is not lost: " + ledger.rows("select message_id, status from webhook_inbox"));
            // the node comes back and posts what it acknowledged before stopping (if its poster had not yet)
            stack.startApp();
            TestStacks.await(
                    () -> ledger.paymentCount(paymentId) == 1, Duration.ofSeconds(30), "the stored delivery posted");
        } finally {
            stack.close();
        }
    }

    private static int status(String url) {
        try {
            return TestStacks.post(url, "{}").statusCode();
        } catch (Exception e) {
            return -1;
        }
    }
}
