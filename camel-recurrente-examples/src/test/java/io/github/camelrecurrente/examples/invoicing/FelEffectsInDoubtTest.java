package io.github.camelrecurrente.examples.invoicing;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelrecurrente.examples.app.ExamplesStack;
import io.github.camelrecurrente.examples.demo.DemoScenario;
import io.github.camelrecurrente.examples.invoicing.fel.Attempt;
import io.github.camelrecurrente.examples.invoicing.fel.CertifiedDocument;
import io.github.camelrecurrente.examples.invoicing.fel.FelInvoicing;
import io.github.camelrecurrente.examples.ledger.LedgerDatabase;
import io.github.camelrecurrente.examples.ledger.LedgerReport;
import io.github.camelrecurrente.examples.standins.infile.InfileStandIn;
import io.github.camelrecurrente.examples.testsupport.TestPostgres;
import io.github.camelrecurrente.examples.testsupport.TestStacks;
import io.github.camelrecurrente.sandbox.PaymentOptions;
import io.github.camelrecurrente.sandbox.RecordedRequest;
import io.github.camelrecurrente.sandbox.RecurrenteSandbox;
import jakarta.mail.internet.MimeMessage;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each step of the FEL outbox left in doubt by a node that died (the effect journal of {@link FelOutbox}): the test
 * writes the payments rows as a dead node "node-a" left them (the step it started in {@code effect_step}, its claim
 * expired) and, where the dead node's effect reached the outside world, makes that effect itself. The app ("node-b")
 * then resumes them:
 * <ul>
 * <li>CERTIFY, INFILE (its stand-in, configured as INFILE) has the document: looked up by identificador, not sent
 * again, INFILE's document stored;</li>
 * <li>CERTIFY, INFILE has none: looked up, sent once;</li>
 * <li>PUSH: one more PATCH with the same tax_invoice_url (no documented read);</li>
 * <li>MAIL, handed to SMTP but not logged: one more receipt with the same Message-ID; MAIL already in email_log: none;
 * </li>
 * <li>claimed by the dead node but not started: resumed with no repeat and no in-doubt row;</li>
 * <li>a receipt dead-lettered and replayed: resumed at the step it failed in, nothing before it repeated;</li>
 * <li>and, not a crash: a certification whose answer was lost is looked up before it is retried.</li>
 * </ul>
 * Every in-doubt step writes its {@code fel_in_doubt} row. On H2 and on PostgreSQL.
 */
class FelEffectsInDoubtTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private RecurrenteSandbox api;
    private ExamplesStack stack;
    private LedgerReport ledger;
    private final Map<String, String> emails = new HashMap<>();
    /** The emission time the dead node chose (and stored) for its documents. */
    private final Instant emitted = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

    private FelInvoicing deadNode;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void eachStepInDoubtIsResolvedWithoutRepeatingWhatCanBeRead(String database) throws Exception {
        Map<String, String> props = TestStacks.properties(dir);
        if (database.equals("postgresql")) {
            props.put("ledger.jdbc-url", TestPostgres.newDatabase("effects"));
            props.put("ledger.username", "postgres");
            props.put("ledger.password", "postgres");
        }
        props.put("examples.node-id", "node-b");
        api = TestStacks.realApi(props);
        InfileStandIn infile = TestStacks.infile(props);
        // the dead node's own client of the same INFILE, emitter and settings
        deadNode = FelInvoicing.withInfile(props::get, java.time.Clock.systemUTC());
        try (RecurrenteSandbox closing = api;
                InfileStandIn closingInfile = infile) {
            // the payments rows are the test's: no webhook reaches the app
            api.dropNext(null, 1000);
            stack = ExamplesStack.start(props);
            try (ExamplesStack closingStack = stack) {
                ledger = new LedgerReport(stack.app().ledger());
                resume(infile);
            }
        }
    }

    private void resume(InfileStandIn certifier) throws Exception {
        String found = paid("found@example.com");
        String none = paid("none@example.com");
        String push = paid("push@example.com");
        String notStarted = paid("notstarted@example.com");

        // what the dead node did outside before it died: certified `found`; certified `push` and PATCHed its URL
        certify(found);
        CertifiedDocument pushed = certify(push);
        patch(push, pushed.pdfUrl());
        assertEquals(1, patches(push).size());

        LocalDateTime started = LedgerDatabase.utc(Instant.now().minusSeconds(600));
        insert(found, "PENDING", null, "CERTIFY", started);
        insert(none, "PENDING", null, "CERTIFY", started);
        insert(push, "ISSUED", pushed, "PUSH", started);
        insert(notStarted, "PENDING", null, null, null);
        for (String id : List.of(found, none, push, notStarted)) {
            awaitDone(id);
        }

        // CERTIFY in doubt, INFILE has it: not sent again, its document is the one stored
        assertEquals(1, certifier.certificationRequests("FACT-" + found));
        assertEquals(1, certifier.lookUpRequests("FACT-" + found));
        var document = certifier.document("FACT-" + found).orElseThrow();
        assertEquals(document.uuid(), ledger.payment(found).get("invoice_uuid"));
        assertEquals(
                document.serie() + "-" + document.numero(),
                ledger.payment(found).get("invoice_number"));
        // CERTIFY in doubt, INFILE has none: sent once
        assertEquals(1, certifier.certificationRequests("FACT-" + none));
        assertEquals(1, certifier.lookUpRequests("FACT-" + none));
        // PUSH in doubt: one more PATCH, with the same URL
        assertEquals(1, certifier.certificationRequests("FACT-" + push));
        assertEquals(0, certifier.lookUpRequests("FACT-" + push));
        assertEquals(List.of(pushed.pdfUrl(), pushed.pdfUrl()), patches(push));
        // claimed but not started: nothing repeated, nothing looked up
        assertEquals(1, certifier.certificationRequests("FACT-" + notStarted));
        assertEquals(0, certifier.lookUpRequests("FACT-" + notStarted));
        for (String id : List.of(found, none, push, notStarted)) {
            String url = (String) ledger.payment(id).get("invoice_url");
            assertEquals(url, api.paymentIntent(id).get("tax_invoice_url"), id);
            if (!id.equals(push)) {
                assertEquals(List.of(url), patches(id), id);
            }
            assertEquals(List.of("<receipt." + id + "@mitienda.example>"), receiptMessageIds(id), id);
            assertNull(ledger.payment(id).get("effect_step"), id);
        }
        assertEquals(
                Set.of(
                        found + " CERTIFY node-a node-b LOOKUP_FOUND",
                        none + " CERTIFY node-a node-b LOOKUP_NONE",
                        push + " PUSH node-a node-b PATCH_REPEATED"),
                inDoubtRows());

        // MAIL in doubt, the receipt handed to SMTP (by the app, above) but not logged: sent again, same Message-ID
        LocalDateTime mailStarted = LedgerDatabase.utc(Instant.now().minusSeconds(300));
        execute("delete from email_log where kind = 'RECEIPT' and reference_id = ?", notStarted);
        rewindToMail(notStarted, mailStarted);
        awaitInDoubt(notStarted, "MAIL");
        awaitDone(notStarted);
        List<String> twice = receiptMessageIds(notStarted);
        assertEquals(List.of("<receipt." + notStarted + "@mitienda.example>", twice.get(0)), twice);
        assertEquals(1, certifier.certificationRequests("FACT-" + notStarted));
        assertEquals(1, patches(notStarted).size());
        // MAIL in doubt, email_log shows it handed to SMTP (the node died before DONE): not sent again
        rewindToMail(found, mailStarted);
        awaitInDoubt(found, "MAIL");
        awaitDone(found);
        assertEquals(1, receiptMessageIds(found).size());
        assertEquals(1, patches(found).size());
        assertEquals(
                Set.of(
                        found + " CERTIFY node-a node-b LOOKUP_FOUND",
                        found + " MAIL node-a node-b RECEIPT_LOGGED",
                        none + " CERTIFY node-a node-b LOOKUP_NONE",
                        notStarted + " MAIL node-a node-b RECEIPT_RESENT",
                        push + " PUSH node-a node-b PATCH_REPEATED"),
                inDoubtRows());

        // a receipt dead-lettered after the SMTP hand-off, replayed: resumed at MAIL (in doubt), not PATCHed again
        execute(
                "update payments set invoice_status = 'DEAD_LETTER', effect_step = 'MAIL', effect_node = 'node-b',"
                        + " effect_started_at = ? where payment_intent_id = ?",
                mailStarted,
                none);
        stack.app().producer().requestBody("direct:fel-replay", (Object) null);
        awaitInDoubt(none, "MAIL");
        awaitDone(none);
        assertEquals(1, patches(none).size());
        assertEquals(1, receiptMessageIds(none).size());

        // not a crash: the certifier made the invoice but its answer was lost; the retry looks it up, no second POST
        String lost = paid("lost@example.com");
        certifier.loseNextAnswers(1);
        insert(lost, "PENDING", null, null, null);
        awaitDone(lost);
        assertEquals(1, certifier.certificationRequests("FACT-" + lost));
        assertEquals(1, certifier.lookUpRequests("FACT-" + lost));
        assertEquals(1, patches(lost).size());
        assertEquals(1, receiptMessageIds(lost).size());
        assertTrue(inDoubtRows().contains(none + " MAIL node-b node-b RECEIPT_LOGGED"));
        assertEquals(6, inDoubtRows().size(), "a retry is not a step in doubt");

        // failed after its PATCH (PUSHED) but before the receipt's marker (say the email log could not be read),
        // dead-lettered, replayed: resumed at PUSHED, so not PATCHed again, and no step in doubt
        execute("update payments set invoice_status = 'PUSHED', effect_step = null where payment_intent_id = ?", lost);
        stack.app().producer().send("direct:fel-dead-letter", ex -> {
            ex.getMessage().setBody(Map.of("paymentIntentId", lost));
            ex.setProperty(Exchange.EXCEPTION_CAUGHT, new IllegalStateException("email log unavailable"));
        });
        assertEquals("DEAD_LETTER", ledger.payment(lost).get("invoice_status"));
        assertEquals("PUSHED", ledger.payment(lost).get("dead_lettered_from"));
        stack.app().producer().requestBody("direct:fel-replay", (Object) null);
        awaitDone(lost);
        assertEquals(1, patches(lost).size(), "not PATCHed again");
        assertEquals(1, receiptMessageIds(lost).size());
        assertEquals(6, inDoubtRows().size());
    }

    /** A payment intent paid at the emulator (its webhook dropped). */
    private String paid(String email) {
        String checkout = api.createCheckout(2500, "GTQ");
        String id = (String) api.payCheckout(
                        checkout, new PaymentOptions(PaymentOptions.SUCCESS_CARD, "CF", "CF", email, "Cliente Prueba"))
                .get("id");
        emails.put(id, email);
        return id;
    }

    /** The dead node's certification: the payment's FACT sent to INFILE, as the outbox does. */
    private CertifiedDocument certify(String id) {
        Map<String, Object> row = Map.of(
                "paymentIntentId",
                id,
                "taxId",
                "CF",
                "taxName",
                "CF",
                "customerEmail",
                emails.get(id),
                "currency",
                "GTQ",
                "grossCents",
                2500L);
        return deadNode.certify(deadNode.documents().invoice(id, PaymentInvoices.sale(row, emitted), 0), Attempt.FIRST);
    }

    /** The dead node's PATCH of tax_invoice_url. */
    private void patch(String id, String url) throws Exception {
        HttpResponse<String> r = TestStacks.send(
                "PATCH",
                api.baseUrl() + "/payment_intents/" + id,
                "{\"payment_intent\": {\"tax_invoice_url\": \"" + url + "\"}}",
                "Content-Type",
                "application/json",
                "X-PUBLIC-KEY",
                "pk_live_merchant",
                "X-SECRET-KEY",
                "sk_live_merchant");
        assertEquals(200, r.statusCode(), r.body());
    }

    /**
     * A payments row as the dead node left it, in one statement: claimed by node-a with the claim expired, the step it
     * started (or none) and the invoice it stored (or none).
     */
    private void insert(String id, String status, CertifiedDocument invoice, String step, LocalDateTime started)
            throws Exception {
        execute(
                "insert into payments (payment_intent_id, payment_kind, event_type, customer_email, customer_name,"
                        + " currency, gross_cents, tax_id, tax_name, invoice_status, invoice_number, invoice_uuid,"
                        + " invoice_url, invoice_serie, invoice_numero, invoice_verification_url, fee_source,"
                        + " claimed_by, claimed_until, claim_count, effect_step, effect_node, effect_started_at,"
                        + " fel_emitted_at) values (?, 'card', 'payment_intent.succeeded', ?, 'Cliente Prueba',"
                        + " 'GTQ', 2500, 'CF', 'CF', ?, ?, ?, ?, ?, ?, ?, 'PENDING', 'node-a', ?, 1, ?, ?, ?, ?)",
                id,
                emails.get(id),
                status,
                invoice == null ? null : invoice.serie() + "-" + invoice.numero(),
                invoice == null ? null : invoice.uuid(),
                invoice == null ? null : invoice.pdfUrl(),
                invoice == null ? null : invoice.serie(),
                invoice == null ? null : invoice.numero(),
                invoice == null ? null : invoice.verificationUrl(),
                LedgerDatabase.utc(Instant.now().minusSeconds(60)),
                step,
                step == null ? null : "node-a",
                started,
                step == null ? null : LedgerDatabase.utc(emitted));
    }

    /** The state a node leaves when it dies sending the receipt: PUSHED, MAIL started, its claim expired. */
    private void rewindToMail(String id, LocalDateTime started) throws Exception {
        execute(
                "update payments set invoice_status = 'PUSHED', effect_step = 'MAIL', effect_node = 'node-a',"
                        + " effect_started_at = ?, claimed_by = 'node-a', claimed_until = ? where payment_intent_id = ?",
                started,
                LedgerDatabase.utc(Instant.now().minusSeconds(60)),
                id);
    }

    private void execute(String sql, Object... args) throws Exception {
        try (Connection c = stack.app().ledger().getConnection();
                PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                p.setObject(i + 1, args[i]);
            }
            p.executeUpdate();
        }
    }

    private void awaitDone(String id) {
        DemoScenario.await(() -> "DONE".equals(ledger.invoiceStatus(id)), id + " DONE");
    }

    private void awaitInDoubt(String id, String step) {
        DemoScenario.await(
                () -> ledger.number(
                                "select count(*) from fel_in_doubt where payment_intent_id = ? and step = ?", id, step)
                        == 1,
                id + " " + step + " resolved");
    }

    /** The tax_invoice_url of every PATCH of this payment intent, in order. */
    private List<String> patches(String id) throws Exception {
        List<String> urls = new ArrayList<>();
        for (RecordedRequest r : api.requests()) {
            if (r.method().equals("PATCH") && r.path().endsWith("/payment_intents/" + id)) {
                JsonNode body = JSON.readTree(r.body());
                urls.add(body.path("payment_intent").path("tax_invoice_url").asText());
            }
        }
        return urls;
    }

    private List<String> receiptMessageIds(String id) throws Exception {
        List<String> ids = new ArrayList<>();
        for (MimeMessage m : stack.smtp().receivedMessages()) {
            if (m.getSubject().startsWith("Recibo de pago " + id + " ")) {
                ids.add(m.getMessageID());
            }
        }
        return ids;
    }

    /** The fel_in_doubt rows as "payment step started_by resolved_by resolution". */
    private Set<String> inDoubtRows() {
        return ledger
                .rows("select payment_intent_id, step, started_by, resolved_by, resolution from fel_in_doubt")
                .stream()
                .map(r -> String.join(
                        " ",
                        (String) r.get("payment_intent_id"),
                        (String) r.get("step"),
                        (String) r.get("started_by"),
                        (String) r.get("resolved_by"),
                        (String) r.get("resolution")))
                .collect(Collectors.toSet());
    }
}
