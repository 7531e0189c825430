package io.github.camelrecurrente.examples.demo;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.github.camelrecurrente.component.RecurrenteConstants;
import io.github.camelrecurrente.component.model.event.RecurrenteEvent;
import io.github.camelrecurrente.component.model.event.RecurrenteEvents;
import io.github.camelrecurrente.examples.app.ExamplesStack;
import io.github.camelrecurrente.examples.invoicing.fel.BuyerId;
import io.github.camelrecurrente.examples.invoicing.fel.SatAuthorization;
import io.github.camelrecurrente.examples.ledger.LedgerDatabase;
import io.github.camelrecurrente.examples.ledger.LedgerPostings;
import io.github.camelrecurrente.examples.ledger.LedgerReport;
import io.github.camelrecurrente.examples.standins.infile.StandInDocument;
import io.github.camelrecurrente.examples.testsupport.TestStacks;
import io.github.camelrecurrente.sandbox.WebhookDelivery;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole sandbox scenario end to end: real webhooks (Svix-signed, from the emulator to recurrente:events over
 * HTTP), the real H2 ledger, the stand-in certifier, tax_invoice_url pushed to the emulator, the embedded SMTP server.
 * {@link SandboxScenarioOnPostgresTest} runs the same on a real PostgreSQL server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SandboxScenarioEndToEndTest {

    Map<String, String> props;
    ExamplesStack stack;
    DemoScenario.Result result;
    DemoScenario.Summary summary;
    String output;
    LedgerReport ledger;

    /** The ledger of this run: H2 in file mode here. */
    Map<String, String> ledgerProperties(Path dir) {
        return Map.of();
    }

    @BeforeAll
    void runScenario(@TempDir Path dir) {
        props = TestStacks.properties(dir);
        props.putAll(ledgerProperties(dir));
        stack = ExamplesStack.start(props);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        result = new DemoScenario(stack, out).run();
        summary = DemoScenario.summarize(stack, result);
        summary.print(out);
        output = buffer.toString(StandardCharsets.UTF_8);
        ledger = new LedgerReport(stack.app().ledger());
    }

    @AfterAll
    void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everyPaymentIsPostedOnceWithABalancedJournal() {
        // 5: card, bank transfer, first subscription charge, renewal, and the card payment repaired by reconciliation
        assertEquals(5, result.paidIntentIds.size());
        assertEquals(5, summary.paymentsPosted);
        assertEquals(0, ledger.unbalancedEntries());
        assertEquals(ledger.totalDebits(), ledger.totalCredits());
        for (String id : result.paidIntentIds) {
            assertEquals(1, ledger.paymentCount(id), id);
            assertEquals(
                    0,
                    ledger.number(
                            "select sum(debit_cents) - sum(credit_cents) from journal_lines where entry_id = ?",
                            "PAY-" + id),
                    id);
            Map<String, Object> p = ledger.payment(id);
            if (id.equals(result.bankTransferId)) {
                continue; // its fee is unknown (below)
            }
            assertEquals(
                    (Long) p.get("gross_cents") - (Long) p.get("fee_cents") - (Long) p.get("vat_withheld_cents"),
                    p.get("net_cents"));
        }
        // every currency's debits equal its credits
        ledger.journalTotalsByCurrency().forEach((currency, totals) -> assertEquals(totals[0], totals[1], currency));
        Map<String, Object> card = ledger.payment(result.cardPaymentId);
        assertEquals(15000L, card.get("gross_cents"));
        assertEquals("4521870-6", card.get("tax_id"));
        assertEquals("Comercial La Ceiba, S.A.", card.get("tax_name"));
        // the fee and IVA withheld reported by Recurrente are booked as such: from the card event
        Map<String, Object> remote = stack.sandbox().sandbox().paymentIntent(result.cardPaymentId);
        assertEquals(((Number) remote.get("fee")).longValue(), card.get("fee_cents"));
        assertEquals(((Number) remote.get("vat_withheld")).longValue(), card.get("vat_withheld_cents"));
        assertEquals(LedgerPostings.FEE_FROM_EVENT, card.get("fee_source"));
        // the documented bank transfer event carries none, and no document shows PATCH /payment_intents taking its
        // ba_... id: its fee stays unknown (never 0), its clearing account holds the gross until Recurrente reports it
        Map<String, Object> transfer = ledger.payment(result.bankTransferId);
        assertEquals(LedgerPostings.FEE_PENDING, transfer.get("fee_source"));
        assertNull(transfer.get("fee_cents"));
        assertNull(transfer.get("net_cents"));
        assertEquals(0, ledger.journalLineCount("FEE-" + result.bankTransferId));
        for (String id : result.paidIntentIds) {
            // Recurrente clearing holds the net amount of each payment (the gross while its fee is unknown)
            Map<String, Object> p = ledger.payment(id);
            long clearing = ledger.number(
                    "select sum(debit_cents - credit_cents) from journal_lines"
                            + " where source_id = ? and account_code = '1130'",
                    id);
            assertEquals(
                    p.get("net_cents") == null ? (Long) p.get("gross_cents") : (Long) p.get("net_cents"), clearing, id);
        }
        // the declined card posted nothing
        assertEquals(0, ledger.paymentCount(result.declinedPaymentId));
        // the customer was upserted with the payer's data
        assertEquals(
                "ana.lopez@example.com",
                ledger.rows("select email from customers where customer_id = ?", card.get("customer_id"))
                        .get(0)
                        .get("email"));
    }

    @Test
    void invoicesAreIssuedStoredAndPushedBackAsTaxInvoiceUrl() {
        // the card payments; the bank transfer's invoice is e-mailed, never PATCHed onto its ba_... id
        assertEquals(4, summary.invoicesPushedBack);
        assertEquals(4, summary.cardPayments);
        for (String id : result.paidIntentIds) {
            Map<String, Object> row = ledger.payment(id);
            assertEquals("DONE", row.get("invoice_status"), id);
            String url = (String) row.get("invoice_url");
            String uuid = (String) row.get("invoice_uuid");
            // the PDF of the document the INFILE stand-in certified for this payment, and SAT's verification page
            assertEquals(stack.certifier().rootUrl() + "/ingfacereport/ingfacereport_documento?uuid=" + uuid, url);
            // pushed for card payments; the bank transfer's invoice is e-mailed, never PATCHed onto its ba_... id
            assertEquals(
                    id.equals(result.bankTransferId) ? null : url,
                    stack.sandbox().sandbox().paymentIntent(id).get("tax_invoice_url"),
                    id);
            StandInDocument doc = stack.certifier().document("FACT-" + id).orElseThrow();
            assertEquals(uuid, doc.uuid());
            assertEquals("FACT", doc.tipo());
            // serie and número as SAT derives them from the UUID (FEL_RCP366/367), as INFILE answered them
            assertEquals(SatAuthorization.serie(uuid), doc.serie());
            assertEquals(SatAuthorization.numero(uuid), doc.numero());
            assertEquals(doc.serie(), row.get("invoice_serie"));
            assertEquals(doc.numero(), row.get("invoice_numero"));
            assertEquals(doc.serie() + "-" + doc.numero(), row.get("invoice_number"));
            assertEquals(BuyerId.parse((String) row.get("tax_id")).value(), doc.receptor());
            assertEquals(0, BigDecimal.valueOf((Long) row.get("gross_cents"), 2).compareTo(doc.granTotal()), id);
            assertTrue(((String) row.get("invoice_verification_url")).contains("numero=" + uuid), id);
        }
        // a subscription payer who gave no NIT is invoiced as consumidor final
        assertEquals(
                "CF",
                stack.certifier()
                        .document("FACT-" + result.renewalPaymentId)
                        .orElseThrow()
                        .receptor());
        // five invoices; besides them only the refund's credit note, which its own timer may have issued by now
        java.util.Set<String> certified = stack.certifier().identificadores();
        assertEquals(5, certified.stream().filter(i -> i.startsWith("FACT-")).count(), certified.toString());
        assertTrue(
                certified.stream().allMatch(i -> i.startsWith("FACT-") || i.startsWith("NCRE-")), certified.toString());
    }

    @Test
    void emailsReachTheSmtpServer() throws Exception {
        List<MimeMessage> all = stack.smtp().receivedMessages();
        // besides these eight, the credit notes of the refunds (their own timer may have mailed them by now): one mail
        // per refund, each a refund of the ledger
        List<MimeMessage> messages = new java.util.ArrayList<>();
        java.util.Set<String> creditedRefunds = new java.util.HashSet<>();
        for (MimeMessage m : all) {
            if (m.getSubject().startsWith("Nota de crédito ")) {
                String refund = m.getSubject().substring(m.getSubject().lastIndexOf(' ') + 1);
                assertTrue(
                        creditedRefunds.add(refund),
                        "mailed twice: " + stack.smtp().receivedSubjects());
                assertEquals(1, ledger.number("select count(*) from refunds where refund_id = ?", refund), refund);
            } else {
                messages.add(m);
            }
        }
        assertEquals(8, messages.size(), stack.smtp().receivedSubjects().toString());
        MimeMessage receipt = find(messages, "ana.lopez@example.com", "Recibo de pago " + result.cardPaymentId);
        String body = receipt.getContent().toString();
        assertTrue(body.contains((String) ledger.payment(result.cardPaymentId).get("invoice_url")), body);
        assertTrue(body.contains("Q 150.00"), body);
        assertNotNull(find(messages, "luis.garcia@example.com", "No pudimos procesar tu pago"));
        assertNotNull(find(messages, "carlos.mendez@example.com", "pago pendiente"));
        assertNotNull(find(messages, "carlos.mendez@example.com", "fue cancelada"));
        assertEquals(1, ledger.emailCount("RECEIPT", result.cardPaymentId));
        assertEquals(
                Map.of("RECEIPT", 4L, "PAYMENT_FAILED", 2L, "SUBSCRIPTION_PAST_DUE", 1L, "SUBSCRIPTION_CANCELLED", 1L),
                summary.emailsByKind);
        // the bank transfer event carries no email address: no receipt, but the payment is invoiced all the same
        assertEquals(0, ledger.emailCount("RECEIPT", result.bankTransferId));
    }

    @Test
    void duplicateDeliveriesPostOnce() {
        assertTrue(summary.duplicatesDropped >= 1);
        long lines = ledger.journalLineCount("PAY-" + result.cardPaymentId);
        assertEquals(5, lines);
        // bypass the consumer's svix-id de-duplication: the ledger itself is idempotent on the payment intent id
        WebhookDelivery delivery = stack.sandbox().sandbox().deliveries().stream()
                .filter(d -> d.messageId().equals(result.duplicatedMessageId))
                .findFirst()
                .orElseThrow();
        RecurrenteEvent event = RecurrenteEvents.parse(delivery.body());
        stack.app()
                .producer()
                .sendBodyAndHeader(
                        "direct:recurrente-event", event, RecurrenteConstants.EVENT_TYPE, event.getEventType());
        assertEquals(1, ledger.paymentCount(result.cardPaymentId));
        assertEquals(lines, ledger.journalLineCount("PAY-" + result.cardPaymentId));
        assertEquals(1, ledger.emailCount("RECEIPT", result.cardPaymentId));
    }

    @Test
    void bankTransferReceivableIsSettledAndClearsToZero() {
        assertEquals("SETTLED", ledger.receivableStatus(result.bankTransferId));
        assertEquals(2, ledger.journalLineCount("RCV-" + result.bankTransferId));
        assertEquals(2, ledger.journalLineCount("RCV-SET-" + result.bankTransferId));
        assertEquals(0, ledger.accountBalance("1135"));
        assertEquals(0, ledger.accountBalance("2160"));
    }

    @Test
    void failedBankTransferReversesTheReceivableAndPostsNothing() {
        var sandbox = stack.sandbox().sandbox();
        String checkout = sandbox.createCheckout(12000, "GTQ");
        String id = (String) sandbox.startBankTransfer(checkout).get("id");
        DemoScenario.await(() -> ledger.journalLineCount("RCV-" + id) == 2, "pending receivable entry");
        assertEquals("PENDING", ledger.receivableStatus(id));
        sandbox.failBankTransfer(checkout);
        DemoScenario.await(() -> "REVERSED".equals(ledger.receivableStatus(id)), "reversed receivable");
        assertEquals(2, ledger.journalLineCount("RCV-REV-" + id)); // written before the status changes
        assertEquals(
                0,
                ledger.number(
                        "select sum(debit_cents - credit_cents) from journal_lines where source_id = ?"
                                + " and account_code = '1135'",
                        id));
        assertEquals(0, ledger.paymentCount(id));
        assertEquals(0, ledger.unbalancedEntries());
    }

    @Test
    void subscriptionsTableFollowsTheEvents() {
        assertEquals("cancelled", ledger.subscriptionStatus(result.subscriptionId));
        assertEquals(
                "subscription.cancel",
                ledger.rows(
                                "select last_event_type from subscriptions where subscription_id = ?",
                                result.subscriptionId)
                        .get(0)
                        .get("last_event_type"));
    }

    @Test
    void refundIsBookedOnceAsABalancedCreditNote() {
        assertEquals(1, ledger.number("select count(*) from refunds where refund_id = ?", result.refundId));
        assertEquals(
                0,
                ledger.number(
                        "select sum(debit_cents) - sum(credit_cents) from journal_lines where entry_id = ?",
                        "CN-" + result.refundId));
        assertEquals(5000L, ledger.payment(result.cardPaymentId).get("refunded_cents"));
        // the API call and the refund.create webhook both reached the ledger: still one credit note
        assertEquals(
                1,
                stack.sandbox().sandbox().events("refund.create").stream()
                        .filter(e -> e.body().contains(result.refundId))
                        .count());
        assertEquals(3, ledger.journalLineCount("CN-" + result.refundId));
        assertEquals(
                "succeeded", stack.sandbox().sandbox().refund(result.refundId).get("status"));
    }

    @Test
    void operatorRefundEndpointCallsTheApiAndBooksACreditNote() throws Exception {
        HttpResponse<String> response = TestStacks.opsPost(
                props,
                "/ops/refunds",
                "{\"payment_intent_id\": \"" + result.renewalPaymentId + "\", \"amount_in_cents\": 1000}");
        assertEquals(200, response.statusCode(), response.body());
        String refundId = (String) new com.fasterxml.jackson.databind.ObjectMapper()
                .readValue(response.body(), Map.class)
                .get("refundId");
        assertNotNull(stack.sandbox().sandbox().refund(refundId));
        assertEquals(
                0,
                ledger.number(
                        "select sum(debit_cents) - sum(credit_cents) from journal_lines where entry_id = ?",
                        "CN-" + refundId));
        assertTrue(ledger.journalLineCount("CN-" + refundId) >= 3);
        assertEquals(1000L, ledger.payment(result.renewalPaymentId).get("refunded_cents"));
    }

    @Test
    void reconciliationStepRepairsTheDroppedWebhook() throws Exception {
        // the webhook was dropped (attempt 0) and the payment is in the books once, invoiced, pushed back
        assertTrue(stack.sandbox().sandbox().deliveries().stream()
                .anyMatch(d -> d.dropped() && d.messageId().equals(result.droppedMessageId)));
        assertEquals(1, ledger.paymentCount(result.reconciledPaymentId));
        // posted at gross (no documented source of its fee then), the fee booked from the FEL push-back's answer
        assertEquals(3, ledger.journalLineCount("PAY-" + result.reconciledPaymentId));
        Map<String, Object> reconciled = ledger.payment(result.reconciledPaymentId);
        assertEquals(LedgerPostings.FEE_FROM_PAYMENT_INTENT, reconciled.get("fee_source"));
        Map<String, Object> remote = stack.sandbox().sandbox().paymentIntent(result.reconciledPaymentId);
        assertEquals(((Number) remote.get("fee")).longValue(), reconciled.get("fee_cents"));
        assertEquals(((Number) remote.get("vat_withheld")).longValue(), reconciled.get("vat_withheld_cents"));
        assertTrue(ledger.journalLineCount("FEE-" + result.reconciledPaymentId) >= 2);
        assertEquals(
                0,
                ledger.number(
                        "select sum(debit_cents) - sum(credit_cents) from journal_lines" + " where entry_id = ?",
                        "FEE-" + result.reconciledPaymentId));
        assertEquals(27500L, reconciled.get("gross_cents"));
        assertEquals("9876543-4", ledger.payment(result.reconciledPaymentId).get("tax_id"));
        // every charge matched (card, bank transfer, the subscription's first charge and its renewal), the lost one
        // posted, none for review
        assertEquals(4L, summary.reconciliationMatched);
        assertEquals(0L, summary.reconciliationNeedsReview);
        assertEquals(1L, summary.reconciliationMissingPosted);
        assertEquals(0L, summary.reconciliationDiffering);
        assertEquals(1L, summary.reconciledPaymentRows);
        String csv = java.nio.file.Files.readString(Path.of(summary.reconciliationReport));
        assertTrue(
                csv.contains("," + result.reconciledPaymentId + ",") && csv.contains(",27500,27500,MISSING_POSTED,"),
                csv);
        assertTrue(
                output.contains(
                        "Reconciliation ............. 4 matched, 1 missing and posted, 0 for review, 0 differing"),
                output);
        assertTrue(output.contains("DROPPED"), output);
    }

    @Test
    void healthEndpointAndDemoOutput() throws Exception {
        HttpResponse<String> health =
                TestStacks.get("http://127.0.0.1:" + props.get("camel.management.port") + "/observe/health");
        assertEquals(200, health.statusCode(), health.body());
        assertTrue(health.body().contains("UP"), health.body());
        assertTrue(summary.ok(), output);
        assertTrue(output.contains("Result ..................... OK"), output);
        assertTrue(output.contains("BALANCED"), output);
        // no secret in the printed output
        assertTrue(!output.contains(stack.sandbox().appProperties().get("recurrente.webhook.secret")));
        assertTrue(!output.contains(stack.sandbox().appProperties().get("recurrente.secret-key")));
    }

    @Test
    void webhookInboxKeepsRecentDeliveryIdsAndPrunesOldOnes() throws Exception {
        // the daily timer route is there, switched off in tests (inbox.pruning.enabled=false)
        org.apache.camel.Route timer = stack.app().context().getRoute("webhook-inbox-pruning");
        assertNotNull(timer);
        // master: runs it on one node at a time
        assertTrue(
                timer.getEndpoint()
                        .getEndpointUri()
                        .startsWith("master:webhook-inbox-pruning:timer:recurrente-webhook-inbox-pruning"),
                timer.getEndpoint().getEndpointUri());
        assertEquals(
                org.apache.camel.ServiceStatus.Stopped,
                stack.app().context().getRouteController().getRouteStatus("webhook-inbox-pruning"));
        long recent = inboxCount(null);
        assertTrue(recent > 0, "the scenario's deliveries are recorded in the inbox");
        TestStacks.await(
                () -> ledger.number("select count(*) from webhook_inbox where status = 'DONE'") == recent,
                java.time.Duration.ofSeconds(30),
                "every stored delivery posted and marked DONE");
        assertEquals(
                recent,
                ledger.number("select count(*) from webhook_inbox where body is not null"),
                "each with the body it arrived with");
        java.time.Instant now = java.time.Instant.now();
        try (java.sql.Connection c = stack.app().ledger().getConnection();
                java.sql.PreparedStatement insert = c.prepareStatement(
                        "insert into webhook_inbox (message_id, status, node_id, claimed_at) values (?, 'DONE', 'n', ?)")) {
            Object[][] rows = {
                {"msg_old", now.minus(java.time.Duration.ofDays(8))},
                {"msg_six_days", now.minus(java.time.Duration.ofDays(6))}
            };
            for (Object[] row : rows) {
                insert.setString(1, (String) row[0]);
                insert.setObject(2, LedgerDatabase.utc((java.time.Instant) row[1]));
                insert.executeUpdate();
            }
        }
        // not posted yet (its posting keeps failing): kept however old
        try (java.sql.Connection c = stack.app().ledger().getConnection();
                java.sql.PreparedStatement insert = c.prepareStatement(
                        "insert into webhook_inbox (message_id, status, node_id, claimed_at, attempts, next_attempt_at)"
                                + " values ('msg_old_unposted', 'RECEIVED', 'n', ?, 3, ?)")) {
            insert.setObject(1, LedgerDatabase.utc(now.minus(java.time.Duration.ofDays(9))));
            insert.setObject(2, LedgerDatabase.utc(now.plus(java.time.Duration.ofDays(1))));
            insert.executeUpdate();
        }
        stack.app().producer().sendBody("direct:webhook-inbox-prune", null);
        assertEquals(recent + 2, inboxCount(null), "only the posted id older than the retention is deleted");
        assertEquals(0, inboxCount("msg_old"));
        assertEquals(1, inboxCount("msg_six_days"));
        assertEquals(1, inboxCount("msg_old_unposted"));
    }

    private long inboxCount(String messageId) throws Exception {
        return messageId == null
                ? ledger.number("select count(*) from webhook_inbox")
                : ledger.number("select count(*) from webhook_inbox where message_id = ?", messageId);
    }

    private MimeMessage find(List<MimeMessage> messages, String to, String subjectPart) throws Exception {
        for (MimeMessage m : messages) {
            if (m.getAllRecipients()[0].toString().contains(to)
                    && m.getSubject().contains(subjectPart)) {
                return m;
            }
        }
        throw new AssertionError("No email to " + to + " with subject containing '" + subjectPart + "'");
    }
}
