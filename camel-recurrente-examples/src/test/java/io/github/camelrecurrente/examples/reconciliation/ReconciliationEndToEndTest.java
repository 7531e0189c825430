package io.github.camelrecurrente.examples.reconciliation;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelrecurrente.component.model.Checkout;
import io.github.camelrecurrente.component.model.Intent;
import io.github.camelrecurrente.component.model.RecurrenteJson;
import io.github.camelrecurrente.component.model.event.AbstractPaymentEvent;
import io.github.camelrecurrente.examples.app.ExamplesStack;
import io.github.camelrecurrente.examples.demo.DemoScenario;
import io.github.camelrecurrente.examples.ledger.LedgerPostings;
import io.github.camelrecurrente.examples.ledger.LedgerReport;
import io.github.camelrecurrente.examples.testsupport.TestStacks;
import io.github.camelrecurrente.sandbox.PaymentOptions;
import io.github.camelrecurrente.sandbox.RecurrenteSandbox;
import io.github.camelrecurrente.sandbox.WebhookDelivery;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reconciliation route (routes/reconciliation/reconciliation.yaml) end to end: webhooks deliberately dropped by the emulator,
 * the real H2 ledger, direct:reconcile and POST /ops/reconcile, the CSV report. Each test reconciles its own period
 * (from its start to now), so the tests do not see each other's checkouts.
 */
class ReconciliationEndToEndTest {

    @TempDir
    static Path dir;

    static Map<String, String> props;
    static ExamplesStack stack;
    static RecurrenteSandbox sandbox;
    static LedgerReport ledger;

    @BeforeAll
    static void start() {
        props = TestStacks.properties(dir);
        stack = ExamplesStack.start(props);
        sandbox = stack.sandbox().sandbox();
        ledger = new LedgerReport(stack.app().ledger());
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void droppedWebhookIsRepairedAndItsLateDeliveryDoesNotPostTwice() throws Exception {
        Instant from = Instant.now();
        // a payment whose webhook arrives, and one whose payment_intent.succeeded is dropped
        String delivered = pay(sandbox.createCheckout(8000, "GTQ"), PaymentOptions.defaults());
        DemoScenario.await(() -> ledger.paymentCount(delivered) == 1, "webhook posting of " + delivered);
        String lostCheckout = sandbox.createCheckout(31000, "GTQ");
        sandbox.dropNext(stack.sandbox().webhookEndpointId(), 1, "payment_intent\\.succeeded");
        String lost = pay(
                lostCheckout,
                PaymentOptions.defaults()
                        .withTax("3330001-1", "Librería Landívar")
                        .withPayer("rosa.chavez@example.com", "Rosa Chávez"));
        WebhookDelivery drop = sandbox.deliveries().stream()
                .filter(d -> d.dropped() && d.body().contains(lost))
                .findFirst()
                .orElseThrow();
        assertEquals("payment_intent.succeeded", drop.eventType());
        Thread.sleep(300);
        assertEquals(0, ledger.paymentCount(lost), "the dropped webhook posted nothing");

        Map<String, Object> run = reconcile(from, Instant.now());
        assertEquals(2L, run.get("paidCheckouts"), run.toString());
        assertEquals(1L, run.get("matched"));
        assertEquals(1L, run.get("missingPosted"));
        assertEquals(0L, run.get("amountDiffers"));
        assertEquals(0L, run.get("missingNotPosted"));

        // posted from documented fields only: the checkout's amount and payer's NIT, its intent's customer
        Map<String, Object> row = ledger.payment(lost);
        assertNotNull(row, "repaired payment row");
        assertEquals(31000L, row.get("gross_cents"));
        assertEquals("3330001-1", row.get("tax_id"));
        assertEquals("Librería Landívar", row.get("tax_name"));
        assertEquals(lostCheckout, row.get("checkout_id"));
        assertEquals("card", row.get("payment_kind"));
        assertEquals("payment_intent.succeeded", row.get("event_type"));
        assertEquals("rosa.chavez@example.com", row.get("customer_email"));
        // no documented source gives the fee at that moment: PAY-<id> has no fee line (Dr clearing at gross)
        assertEquals(3, ledger.journalLineCount("PAY-" + lost));
        assertEquals(
                0,
                ledger.number(
                        "select count(*) from journal_lines where entry_id = ? and account_code = '6150'",
                        "PAY-" + lost));
        assertEquals(
                0,
                ledger.number(
                        "select sum(debit_cents) - sum(credit_cents) from journal_lines where entry_id = ?",
                        "PAY-" + lost));
        assertEquals(
                31000, ledger.number("select sum(debit_cents) from journal_lines where entry_id = ?", "PAY-" + lost));
        // the FEL outbox invoices it and pushes the invoice back to Recurrente, the receipt goes out
        DemoScenario.await(() -> "DONE".equals(ledger.invoiceStatus(lost)), lost + " invoiced");
        String invoiceUrl = (String) ledger.payment(lost).get("invoice_url");
        assertNotNull(invoiceUrl);
        assertEquals(invoiceUrl, sandbox.paymentIntent(lost).get("tax_invoice_url"));
        // the invoice is the INFILE stand-in's FACT to the payer's NIT (normalised as SAT wants it), its PDF pushed
        assertEquals(
                "33300011",
                stack.certifier().document("FACT-" + lost).orElseThrow().receptor());
        assertTrue(invoiceUrl.endsWith("?uuid=" + ledger.payment(lost).get("invoice_uuid")), invoiceUrl);
        assertEquals(1, ledger.emailCount("RECEIPT", lost));
        // ... and the answer of that PATCH /payment_intents/{id} (documented with fee and vat_withheld) books the fee
        assertFeeBookedFromThePushBack(lost);
        DemoScenario.await(() -> "DONE".equals(ledger.invoiceStatus(delivered)), delivered + " invoiced");

        // the CSV report
        List<String> csv = Files.readAllLines(Path.of((String) run.get("reportFile")), StandardCharsets.UTF_8);
        assertEquals(ReconciliationRun.CSV_HEADER, csv.get(0));
        assertEquals(3, csv.size(), csv.toString());
        String deliveredCheckout = (String) ledger.payment(delivered).get("checkout_id");
        assertTrue(
                csv.get(1)
                        .matches(Pattern.quote(deliveredCheckout + "," + delivered + ",") + "in_[A-Za-z0-9]+"
                                + Pattern.quote("," + createdAt(deliveredCheckout) + ",GTQ,8000,8000,MATCHED,")),
                csv.get(1));
        assertTrue(
                csv.get(2)
                        .matches(Pattern.quote(lostCheckout + "," + lost + ",") + "in_[A-Za-z0-9]+"
                                + Pattern.quote("," + createdAt(lostCheckout) + ",GTQ,31000,31000,MISSING_POSTED,")),
                csv.get(2));
        assertTrue(Path.of((String) run.get("reportFile"))
                .startsWith(dir.resolve("reconciliation").toAbsolutePath()));

        // the lost webhook arrives late after all (same svix-id, never seen by the app): nothing is posted twice
        long debits = ledger.totalDebits();
        int issued = stack.certifier().certifiedCount();
        long successes = successfulDeliveries(drop.messageId());
        sandbox.resend(drop.messageId());
        DemoScenario.await(
                () -> successfulDeliveries(drop.messageId()) > successes, "late delivery of " + drop.messageId());
        assertEquals(1, ledger.paymentCount(lost));
        assertEquals(3, ledger.journalLineCount("PAY-" + lost));
        assertEquals(debits, ledger.totalDebits());
        assertEquals("PAYMENT_INTENT", ledger.payment(lost).get("fee_source"));
        assertEquals(0, ledger.unbalancedEntries());
        assertEquals(1, ledger.emailCount("RECEIPT", lost));
        Thread.sleep(300); // an outbox poll or two: no second invoice
        assertEquals(issued, stack.certifier().certifiedCount());
        assertEquals("DONE", ledger.invoiceStatus(lost));

        // running the same period again: everything matches now
        Map<String, Object> again = reconcile(from, Instant.now());
        assertEquals(2L, again.get("matched"), again.toString());
        assertEquals(0L, again.get("missingPosted"));
        assertTrue(!again.get("reportFile").equals(run.get("reportFile")), "one report per run");
    }

    @Test
    void amountDifferenceIsReportedAndNothingIsChanged() throws Exception {
        Instant from = Instant.now();
        String checkout = sandbox.createCheckout(12345, "GTQ");
        String pa = pay(checkout, PaymentOptions.defaults());
        DemoScenario.await(() -> "DONE".equals(ledger.invoiceStatus(pa)), pa + " posted and invoiced");
        // someone edits the ledger
        try (Connection c = stack.app().ledger().getConnection();
                PreparedStatement ps =
                        c.prepareStatement("update payments set gross_cents = 12245 where payment_intent_id = ?")) {
            ps.setString(1, pa);
            assertEquals(1, ps.executeUpdate());
        }
        long lines = ledger.journalLineCount("PAY-" + pa);

        Map<String, Object> run = reconcile(from, Instant.now());
        assertEquals(1L, run.get("paidCheckouts"), run.toString());
        assertEquals(1L, run.get("amountDiffers"));
        assertEquals(0L, run.get("matched"));
        assertEquals(0L, run.get("missingPosted"));
        List<String> csv = Files.readAllLines(Path.of((String) run.get("reportFile")), StandardCharsets.UTF_8);
        assertEquals(2, csv.size(), csv.toString());
        assertEquals(ReconciliationRun.CSV_HEADER, csv.get(0));
        assertTrue(
                csv.get(1)
                        .matches(Pattern.quote(checkout + "," + pa + ",") + "in_[A-Za-z0-9]+"
                                + Pattern.quote("," + createdAt(checkout) + ",GTQ,12345,12245,AMOUNT_DIFFERS,")
                                + ".*"),
                csv.get(1));
        // reported only
        assertEquals(1, ledger.paymentCount(pa));
        assertEquals(12245L, ledger.payment(pa).get("gross_cents"));
        assertEquals(lines, ledger.journalLineCount("PAY-" + pa));
    }

    @Test
    void droppedBankTransferSuccessIsReviewedNotGuessedThenPostedByTheOperator() throws Exception {
        Instant from = Instant.now();
        String checkout = sandbox.createCheckout(45000, "GTQ");
        String ba = (String)
                sandbox.startBankTransfer(checkout, PaymentOptions.defaults().withTax("7654321-8", "El Quetzal"))
                        .get("id");
        DemoScenario.await(() -> "PENDING".equals(ledger.receivableStatus(ba)), "pending receivable " + ba);
        sandbox.dropNext(stack.sandbox().webhookEndpointId(), 1, "bank_transfer_intent\\.succeeded");
        sandbox.completeBankTransfer(checkout);
        assertTrue(sandbox.deliveries().stream()
                .anyMatch(d -> d.dropped() && d.body().contains(ba)));
        assertEquals(0, ledger.paymentCount(ba));

        // no listing documents a bank transfer's ba_... id: nothing is posted under a guessed id
        Map<String, Object> run = reconcile(from, Instant.now());
        assertEquals(0L, run.get("missingPosted"), run.toString());
        assertEquals(1L, run.get("needsReview"), run.toString());
        assertEquals(0, ledger.number("select count(*) from payments where checkout_id = ?", checkout));
        assertEquals("PENDING", ledger.receivableStatus(ba));
        List<Map<String, Object>> cases = ledger.rows("select * from review_cases where checkout_id = ?", checkout);
        assertEquals(1, cases.size(), cases.toString());
        assertEquals("IDENTITY_UNCERTAIN", cases.get(0).get("kind"));
        assertEquals(45000L, cases.get(0).get("amount_cents"));

        // the operator confirms the transfer's id and amount (from the Recurrente dashboard): posted, receivable
        // settled
        HttpResponse<String> posted = TestStacks.opsPost(
                props,
                "/ops/review/" + cases.get(0).get("id") + "/post",
                "{\"payment_intent_id\": \"" + ba + "\", \"amount_in_cents\": 45000}");
        assertEquals(200, posted.statusCode(), posted.body());
        Map<String, Object> row = ledger.payment(ba);
        assertEquals("bank_transfer", row.get("payment_kind"));
        assertEquals(45000L, row.get("gross_cents"));
        assertEquals("7654321-8", row.get("tax_id"));
        assertEquals(checkout, row.get("checkout_id"));
        DemoScenario.await(() -> "DONE".equals(ledger.invoiceStatus(ba)), ba + " invoiced");
        // no PATCH /payment_intents/ba_...: the fee stays unknown
        assertEquals(LedgerPostings.FEE_PENDING, ledger.payment(ba).get("fee_source"));
        assertEquals("SETTLED", ledger.receivableStatus(ba));
        assertEquals(2, ledger.journalLineCount("RCV-SET-" + ba));
        assertEquals(
                0,
                ledger.number(
                        "select sum(debit_cents - credit_cents) from journal_lines where source_id = ?"
                                + " and account_code = '1135'",
                        ba));
        assertEquals(0, ledger.unbalancedEntries());
        assertEquals(
                "POSTED",
                ledger.rows(
                                "select status from review_cases where id = ?",
                                cases.get(0).get("id"))
                        .get(0)
                        .get("status"));
        assertEquals(
                1,
                ledger.number(
                        "select count(*) from operator_audit where action = 'review-post' and token_label = 'ops-test'"
                                + " and http_status = 200"));
    }

    @Test
    void operatorEndpointReconcilesAPeriodOnDemand() throws Exception {
        Instant from = Instant.now();
        String checkout = sandbox.createCheckout(5000, "GTQ");
        String unpaid = sandbox.createCheckout(7000, "GTQ");
        String pa = pay(checkout, PaymentOptions.defaults());
        DemoScenario.await(() -> ledger.paymentCount(pa) == 1, "posting of " + pa);
        String query = "/ops/reconcile?from=" + URLEncoder.encode(from.toString(), StandardCharsets.UTF_8) + "&until="
                + URLEncoder.encode(Instant.now().toString(), StandardCharsets.UTF_8);
        HttpResponse<String> response = TestStacks.opsPost(props, query, "");
        assertEquals(200, response.statusCode(), response.body());
        @SuppressWarnings("unchecked")
        Map<String, Object> run = new ObjectMapper().readValue(response.body(), Map.class);
        assertEquals(1, ((Number) run.get("paidCheckouts")).intValue(), response.body());
        assertEquals(1, ((Number) run.get("matched")).intValue());
        String csv = Files.readString(Path.of((String) run.get("reportFile")));
        assertTrue(csv.contains(checkout + "," + pa + ","), csv);
        assertTrue(!csv.contains(unpaid), "unpaid checkouts are not reconciled: " + csv);

        // a period before these checkouts sees none of them
        HttpResponse<String> earlier =
                TestStacks.opsPost(props, "/ops/reconcile?from=2020-01-01T00:00:00Z&until=2020-01-02T00:00:00Z", "");
        assertEquals(200, earlier.statusCode(), earlier.body());
        assertTrue(earlier.body().contains("\"paidCheckouts\":0"), earlier.body());
        // each run's counts are kept for the status page
        assertEquals(1, ledger.number("select matched from reconciliation_runs where run_id = ?", run.get("runId")));
    }

    @Test
    void scheduleAndDefaultPeriod() {
        // the daily timer route is there, switched off in tests (reconciliation.schedule.enabled=false)
        Route scheduled = stack.app().context().getRoute("reconciliation-scheduled");
        assertNotNull(scheduled);
        // master: one node at a time runs it
        assertTrue(
                scheduled
                        .getEndpoint()
                        .getEndpointUri()
                        .startsWith("master:reconciliation:timer:recurrente-reconciliation"),
                scheduled.getEndpoint().getEndpointUri());
        assertEquals(
                ServiceStatus.Stopped,
                stack.app().context().getRouteController().getRouteStatus("reconciliation-scheduled"));
        // default period: the previous 24 h
        Instant now = Instant.parse("2026-11-22T06:00:00Z");
        Reconciliation rules = new Reconciliation(Duration.parse("PT24H"), Clock.fixed(now, ZoneOffset.UTC));
        org.apache.camel.Exchange exchange =
                new org.apache.camel.support.DefaultExchange(stack.app().context());
        ReconciliationRun run = rules.start(exchange);
        assertEquals(Instant.parse("2026-11-21T06:00:00Z"), run.getFrom());
        assertEquals(now, run.getUntil());
        exchange.getMessage().setHeader(Reconciliation.UNTIL, "2026-11-22T00:00:00-06:00");
        assertEquals(
                Instant.parse("2026-11-21T06:00:00Z"), rules.start(exchange).getFrom());
        exchange.getMessage().setHeader(Reconciliation.FROM, "2026-11-23T00:00:00Z");
        assertThrows(IllegalArgumentException.class, () -> rules.start(exchange));
    }

    @Test
    void csvOrdersByCreationAndQuotesTheDetail() {
        ReconciliationRun run = new ReconciliationRun(
                "r", Instant.parse("2026-11-21T00:00:00Z"), Instant.parse("2026-11-22T00:00:00Z"));
        run.add(new ReconciliationRun.Line(
                "ch_b",
                null,
                "in_b",
                "2026-11-21T10:00:00Z",
                "GTQ",
                100L,
                null,
                ReconciliationRun.Outcome.NEEDS_REVIEW,
                "no intent, \"fee\" unknown"));
        run.add(new ReconciliationRun.Line(
                "ch_a",
                "pa_a",
                "in_a",
                "2026-11-21T09:59:59.500Z",
                "GTQ",
                2500L,
                2500L,
                ReconciliationRun.Outcome.MATCHED,
                null));
        assertEquals(
                ReconciliationRun.CSV_HEADER + "\n"
                        + "ch_a,pa_a,in_a,2026-11-21T09:59:59.500Z,GTQ,2500,2500,MATCHED,\n"
                        + "ch_b,,in_b,2026-11-21T10:00:00Z,GTQ,100,,NEEDS_REVIEW,\"no intent, \"\"fee\"\" unknown\"\n",
                run.toCsv());
        assertEquals(1L, run.summary("f.csv").get("needsReview"));
        assertEquals(2L, run.summary("f.csv").get("lines"));
    }

    @Test
    void rebuiltEventCarriesDocumentedFieldsOnlyAndNoGuessedFee() throws Exception {
        // the GET /checkouts sample of the reference (total_in_cents as a string there), paid, its webhook lost
        String json = "{\"id\":\"ch_doc1\",\"status\":\"paid\",\"payment\":{\"id\":\"pa_ttfeprgn\","
                + "\"paymentable\":{\"type\":\"OneTimePayment\",\"id\":\"on_nehndm7j\",\"tax_name\":null,"
                + "\"tax_id\":null}},\"payment_method\":{\"id\":\"pay_m_ru4ztzg3\",\"type\":\"card\","
                + "\"card\":{\"last4\":\"4242\",\"network\":\"visa\"}},\"transfer_setups\":[],"
                + "\"metadata\":{\"order\":\"42\"},\"created_at\":\"2025-05-15T13:45:30Z\","
                + "\"total_in_cents\":\"500\",\"currency\":\"GTQ\",\"latest_intent\":{\"id\":\"pa_123\","
                + "\"created_at\":\"2025-05-15T13:45:30Z\",\"type\":\"PaymentIntent\"}}";
        Checkout checkout = RecurrenteJson.mapper().readValue(json, Checkout.class);
        Reconciliation rules = new Reconciliation(Duration.parse("PT24H"));
        ReconciliationRun run = new ReconciliationRun(
                "r", Instant.parse("2025-05-15T00:00:00Z"), Instant.parse("2025-05-16T00:00:00Z"));
        assertEquals("pa_123", rules.documentedPaymentIntentId(checkout));
        // no succeeded intent of the checkout in the period's GET /intents: nothing says it was charged, nor how much
        List<ReconciliationRun.Line> lines = rules.compare(checkout, List.of(), run);
        assertEquals(1, lines.size());
        assertEquals(ReconciliationRun.Outcome.NEEDS_REVIEW, lines.get(0).getOutcome());
        assertNull(lines.get(0).getEvent(), "nothing to post");
        assertEquals("SUCCESS_UNDOCUMENTED", lines.get(0).getReviewCase().kind());
        assertNull(lines.get(0).getReviewCase().amountCents(), "total_in_cents is not a charged amount");
        // with its succeeded intent: posted with the intent's amount, no fee
        Intent intent = RecurrenteJson.mapper()
                .readValue(
                        "{\"type\":\"payment\",\"id\":\"in_doc1\",\"status\":\"succeeded\","
                                + "\"amount_in_cents\":700,\"currency\":\"GTQ\",\"checkout\":{\"id\":\"ch_doc1\"}}",
                        Intent.class);
        run.listed(intent);
        List<ReconciliationRun.Line> posted = rules.compare(checkout, List.of(), run);
        assertEquals(ReconciliationRun.Outcome.MISSING_POSTED, posted.get(0).getOutcome());
        AbstractPaymentEvent event = posted.get(0).getEvent();
        assertEquals("pa_123", event.getId());
        assertEquals("payment_intent.succeeded", event.getEventType());
        assertEquals(700L, event.getAmountInCents());
        assertEquals("GTQ", event.getCurrency());
        assertNull(event.getFee());
        assertNull(event.getVatWithheld());
        Map<String, Object> posting = new LedgerPostings().paymentPosting(event);
        assertEquals(LedgerPostings.FEE_PENDING, posting.get("feeSource"));
        assertNull(posting.get("feeCents"));
        assertEquals("ch_doc1", posting.get("checkoutId"));
        assertEquals(Instant.parse("2025-05-15T13:45:30Z"), event.getCreatedAt().toInstant());
    }

    // ------------------------------------------------------------------ helpers

    /** The fee and IVA withheld of a payment posted without them, booked from the PATCH answer as FEE-<id>. */
    private static void assertFeeBookedFromThePushBack(String id) {
        Map<String, Object> row = ledger.payment(id);
        Map<String, Object> remote = sandbox.paymentIntent(id);
        long fee = ((Number) remote.get("fee")).longValue();
        long vatWithheld = ((Number) remote.get("vat_withheld")).longValue();
        assertEquals(LedgerPostings.FEE_FROM_PAYMENT_INTENT, row.get("fee_source"), id);
        assertEquals(fee, row.get("fee_cents"), id);
        assertEquals(vatWithheld, row.get("vat_withheld_cents"), id);
        assertEquals((Long) row.get("gross_cents") - fee - vatWithheld, row.get("net_cents"), id);
        assertEquals(
                0,
                ledger.number(
                        "select sum(debit_cents) - sum(credit_cents) from journal_lines" + " where entry_id = ?",
                        "FEE-" + id));
        assertEquals(
                fee + vatWithheld,
                ledger.number(
                        "select coalesce(sum(debit_cents), 0) from journal_lines" + " where entry_id = ?",
                        "FEE-" + id));
        assertEquals(
                fee,
                ledger.number(
                        "select coalesce(sum(debit_cents), 0) from journal_lines where entry_id = ?"
                                + " and account_code = '6150'",
                        "FEE-" + id));
        // Recurrente clearing of the payment: the net amount, as if the fee had come with the webhook
        assertEquals(
                (Long) row.get("net_cents"),
                ledger.number(
                        "select sum(debit_cents - credit_cents)"
                                + " from journal_lines where source_id = ? and account_code = '1130'",
                        id));
        assertEquals(0, ledger.unbalancedEntries());
    }

    private static Map<String, Object> reconcile(Instant from, Instant until) {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put(Reconciliation.FROM, from.toString());
        headers.put(Reconciliation.UNTIL, until.toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> run =
                stack.app().producer().requestBodyAndHeaders("direct:reconcile", null, headers, Map.class);
        return run;
    }

    private static String pay(String checkout, PaymentOptions options) {
        return (String) sandbox.payCheckout(checkout, options).get("id");
    }

    private static String createdAt(String checkoutId) {
        return java.time.OffsetDateTime.parse(
                        (String) sandbox.checkout(checkoutId).get("created_at"))
                .toInstant()
                .toString();
    }

    private static long successfulDeliveries(String messageId) {
        return sandbox.deliveries().stream()
                .filter(d -> d.succeeded() && d.messageId().equals(messageId))
                .count();
    }
}
