package io.github.camelrecurrente.examples.app;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;

import io.github.camelrecurrente.examples.demo.DemoScenario;
import io.github.camelrecurrente.examples.ledger.LedgerReport;
import io.github.camelrecurrente.examples.testsupport.TestStacks;
import io.github.camelrecurrente.sandbox.PaymentOptions;
import io.github.camelrecurrente.sandbox.RecurrenteSandbox;
import io.github.camelrecurrente.sandbox.WebhookDelivery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A restart in the middle loses nothing; a certifier outage ends in the dead-letter table and replays. */
class ResilienceEndToEndTest {

    @TempDir
    Path dir;

    private ExamplesStack stack;

    @AfterEach
    void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private String payByCard(String email) {
        // the shopper's side: works while the app is down too
        String checkoutId = stack.sandbox().sandbox().createCheckout(2500, "GTQ");
        return (String) stack.sandbox()
                .sandbox()
                .payCheckout(
                        checkoutId,
                        new PaymentOptions(PaymentOptions.SUCCESS_CARD, "CF", "CF", email, "Cliente Prueba"))
                .get("id");
    }

    private static void awaitStatus(LedgerReport ledger, String id, String status) {
        DemoScenario.await(() -> status.equals(ledger.invoiceStatus(id)), id + " " + status);
    }

    @Test
    void restartInTheMiddleLosesNothing() throws Exception {
        Map<String, String> props = TestStacks.properties(dir);
        stack = ExamplesStack.start(props);
        RecurrenteSandbox sandbox = stack.sandbox().sandbox();
        String before = payByCard("antes@example.com");
        awaitStatus(new LedgerReport(stack.app().ledger()), before, "DONE");

        // the app goes down; the H2 database is shut down too, so the restart reads it back from the file
        stack.stopApp();
        try (Connection c = DriverManager.getConnection(props.get("ledger.jdbc-url"), "sa", "");
                Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        }
        String during = payByCard("durante@example.com");
        DemoScenario.await(
                () -> sandbox.deliveries().stream()
                        .anyMatch(d -> !d.succeeded()
                                && "payment_intent.succeeded".equals(d.eventType())
                                && d.body().contains(during)),
                "a failed delivery while the app is down");

        stack.startApp();
        LedgerReport ledger = new LedgerReport(stack.app().ledger());
        // the emulator's retry delivers the payment made during the downtime
        awaitStatus(ledger, during, "DONE");
        assertEquals("DONE", ledger.invoiceStatus(before));
        assertEquals(1, ledger.paymentCount(before));
        assertEquals(1, ledger.paymentCount(during));
        assertEquals(0, ledger.unbalancedEntries());
        assertEquals(
                ledger.payment(during).get("invoice_url"),
                sandbox.paymentIntent(during).get("tax_invoice_url"));

        // a delivery from before the restart arrives again: the svix-id inbox is in the database, so it is dropped
        WebhookDelivery old = sandbox.deliveries().stream()
                .filter(d ->
                        d.succeeded() && d.body().contains(before) && "payment_intent.succeeded".equals(d.eventType()))
                .findFirst()
                .orElseThrow();
        long succeededBefore =
                sandbox.deliveries().stream().filter(WebhookDelivery::succeeded).count();
        sandbox.resend(old.messageId());
        DemoScenario.await(
                () -> sandbox.deliveries().stream()
                                .filter(WebhookDelivery::succeeded)
                                .count()
                        > succeededBefore,
                "the re-sent delivery");
        assertEquals(1, ledger.paymentCount(before));
        assertEquals(5, ledger.journalLineCount("PAY-" + before));
        assertEquals(1, ledger.emailCount("RECEIPT", before));
        assertEquals(2, stack.smtp().receivedMessages().size());
    }

    @Test
    void certifierOutageGoesToTheDeadLetterTableAndReplays() throws Exception {
        Map<String, String> props = TestStacks.properties(dir);
        stack = ExamplesStack.start(props);
        LedgerReport ledger = new LedgerReport(stack.app().ledger());
        stack.certifier().setAvailable(false);

        String id = payByCard("outage@example.com");
        awaitStatus(ledger, id, "DEAD_LETTER");
        // 1 attempt + fel.retry.maximum-redeliveries (2) retries
        assertEquals(3, stack.certifier().outageAnswers());
        assertEquals(1, ledger.openDeadLetters());
        Map<String, Object> dead = ledger.rows(
                        "select error_message, failure_kind, failure_code, operator_action from fel_dead_letters"
                                + " where payment_intent_id = ?",
                        id)
                .get(0);
        String error = (String) dead.get("error_message");
        assertTrue(error.contains("503"), error);
        assertEquals("UNAVAILABLE", dead.get("failure_kind"));
        assertEquals("CERTIFIER_UNAVAILABLE", dead.get("failure_code"));
        assertTrue(((String) dead.get("operator_action")).contains("replay"), dead.toString());
        assertNull(stack.sandbox().sandbox().paymentIntent(id).get("tax_invoice_url"));
        assertEquals(0, stack.smtp().receivedMessages().size());
        // the payment itself is in the books
        assertEquals(1, ledger.paymentCount(id));

        stack.certifier().setAvailable(true);
        HttpResponse<String> replay = TestStacks.opsPost(props, "/ops/fel/replay", "{}");
        assertEquals(200, replay.statusCode(), replay.body());
        assertTrue(replay.body().contains("\"replayed\":1"), replay.body());
        awaitStatus(ledger, id, "DONE");
        assertEquals(0, ledger.openDeadLetters());
        String url = (String) ledger.payment(id).get("invoice_url");
        assertNotNull(url);
        assertEquals(url, stack.sandbox().sandbox().paymentIntent(id).get("tax_invoice_url"));
        assertEquals(1, stack.smtp().receivedMessages().size());
        assertEquals(1, stack.certifier().certifiedCount());
        // the same document (same identificador) after the outage: certified once
        assertEquals(1, stack.certifier().certificationRequests("FACT-" + id));
    }
}
