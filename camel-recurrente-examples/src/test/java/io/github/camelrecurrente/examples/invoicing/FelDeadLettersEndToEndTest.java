package io.github.camelrecurrente.examples.invoicing;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import io.github.camelrecurrente.examples.app.ExamplesStack;
import io.github.camelrecurrente.examples.demo.DemoScenario;
import io.github.camelrecurrente.examples.ledger.LedgerReport;
import io.github.camelrecurrente.examples.standins.infile.InfileStandIn;
import io.github.camelrecurrente.examples.testsupport.TestStacks;
import io.github.camelrecurrente.sandbox.PaymentOptions;
import io.github.camelrecurrente.sandbox.RecurrenteSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The FEL dead letters end to end: a final failure is dead-lettered at once (no retry) with SAT's rule code, the reason
 * and the operator's action, shown on the status page, and the operator's replay resolves it.
 * <ul>
 * <li>a sale of Q2,500.00 or more to CF is never sent (FEL_RCP535); the operator supplies the buyer's NIT (a malformed
 * one is refused with FEL_RCP309), it is stored on the payment and audited, and the replay certifies the invoice
 * once;</li>
 * <li>a document INFILE rejects ({@code resultado: false}, here FEL_INF300: an emission more than 5 days before the
 * certification) is dead-lettered once, and replayed under the next revision (a new identificador).</li>
 * </ul>
 */
class FelDeadLettersEndToEndTest {

    @TempDir
    Path dir;

    @Test
    void aCfSaleFromQ2500IsNeverSentAndIsInvoicedOnceTheOperatorSuppliesTheNit() throws Exception {
        Map<String, String> props = TestStacks.properties(dir);
        try (ExamplesStack stack = ExamplesStack.start(props)) {
            RecurrenteSandbox sandbox = stack.sandbox().sandbox();
            LedgerReport ledger = new LedgerReport(stack.app().ledger());
            String id = (String) sandbox.payCheckout(
                            sandbox.createCheckout(300000, "GTQ"),
                            new PaymentOptions(
                                    PaymentOptions.SUCCESS_CARD, "CF", "CF", "grande@example.com", "Compra Grande"))
                    .get("id");
            DemoScenario.await(() -> "DEAD_LETTER".equals(ledger.invoiceStatus(id)), id + " dead-lettered");
            Map<String, Object> dead = ledger.rows("select * from fel_dead_letters where payment_intent_id = ?", id)
                    .get(0);
            assertEquals("REFUSAL", dead.get("failure_kind"));
            assertEquals("FEL_RCP535", dead.get("failure_code"));
            assertTrue(((String) dead.get("reason")).contains("Q2,500.00"), dead.toString());
            assertTrue(((String) dead.get("operator_action")).contains("NIT"), dead.toString());
            // never sent, not retried, nothing started, nothing pushed or mailed
            assertEquals(0, stack.certifier().certificationRequests("FACT-" + id));
            assertEquals(1, ledger.number("select count(*) from fel_dead_letters where payment_intent_id = ?", id));
            assertNull(ledger.payment(id).get("effect_step"));
            assertNull(sandbox.paymentIntent(id).get("tax_invoice_url"));
            assertEquals(0, ledger.emailCount("RECEIPT", id));

            // the status page shows the code, the reason and what to do, with the form to supply the NIT
            HttpResponse<String> page = TestStacks.send(
                    "GET",
                    TestStacks.opsUrl(props) + "/ops/status",
                    null,
                    "Authorization",
                    "Bearer " + TestStacks.OPS_TOKEN);
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("FEL_RCP535"), page.body());
            assertTrue(page.body().contains(id), page.body());
            assertTrue(page.body().contains("name=\"tax_id\""), page.body());

            // a NIT whose check digit is wrong is refused, naming the field and SAT's rule; nothing changes
            HttpResponse<String> refused = TestStacks.opsPost(
                    props, "/ops/fel/replay", "{\"payment_intent_id\": \"" + id + "\", \"tax_id\": \"1234567-8\"}");
            assertEquals(400, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("\"error\":\"FEL_RCP309\""), refused.body());
            assertTrue(refused.body().contains("\"field\":\"tax_id\""), refused.body());
            assertEquals("CF", ledger.payment(id).get("tax_id"));
            assertEquals("DEAD_LETTER", ledger.invoiceStatus(id));

            HttpResponse<String> replay = TestStacks.opsPost(
                    props,
                    "/ops/fel/replay",
                    "{\"payment_intent_id\": \"" + id + "\", \"tax_id\": \"1234567-9\", \"tax_name\": \"Hotel Atitlán,"
                            + " S.A.\"}");
            assertEquals(200, replay.statusCode(), replay.body());
            assertTrue(replay.body().contains("\"replayed\":1"), replay.body());
            DemoScenario.await(() -> "DONE".equals(ledger.invoiceStatus(id)), id + " invoiced after the replay");
            Map<String, Object> row = ledger.payment(id);
            assertEquals("12345679", row.get("tax_id"));
            assertEquals("Hotel Atitlán, S.A.", row.get("tax_name"));
            assertEquals(
                    "12345679",
                    stack.certifier().document("FACT-" + id).orElseThrow().receptor());
            assertEquals(1, stack.certifier().certificationRequests("FACT-" + id), "the same revision, sent once");
            assertEquals(row.get("invoice_url"), sandbox.paymentIntent(id).get("tax_invoice_url"));
            assertEquals(0, ledger.openDeadLetters());
            // the audit row: who, which payment, the tax id's change
            Map<String, Object> audit = ledger.rows(
                            "select * from operator_audit where action = 'fel-replay' and http_status = 200")
                    .get(0);
            assertEquals("ops-test", audit.get("token_label"));
            assertEquals(id, audit.get("target"));
            assertEquals("replayed 1; tax_id CF -> 12345679", audit.get("outcome"));
        }
    }

    @Test
    void aDocumentInfileRejectsIsDeadLetteredOnceAndReplayedUnderTheNextRevision() throws Exception {
        Map<String, String> props = TestStacks.properties(dir);
        // INFILE's clock 10 days ahead: every document is emitted more than 5 days before its certification
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try (RecurrenteSandbox api = TestStacks.realApi(props);
                InfileStandIn infile = InfileStandIn.builder()
                        .clock(Clock.fixed(Instant.now().plus(Duration.ofDays(10)), ZoneOffset.UTC))
                        .start()) {
            props.put("fel.certifier", "infile");
            props.putAll(infile.clientProperties());
            props.putAll(TestStacks.emitter());
            try (ExamplesStack stack = ExamplesStack.start(props)) {
                LedgerReport ledger = new LedgerReport(stack.app().ledger());
                String id = (String) api.payCheckout(api.createCheckout(5000, "GTQ"), PaymentOptions.defaults())
                        .get("id");
                DemoScenario.await(() -> "DEAD_LETTER".equals(ledger.invoiceStatus(id)), id + " dead-lettered");
                Map<String, Object> dead = ledger.rows("select * from fel_dead_letters where payment_intent_id = ?", id)
                        .get(0);
                assertEquals("REJECTION", dead.get("failure_kind"));
                assertEquals("FEL_INF300", dead.get("failure_code"));
                // final: sent once, no retry
                assertEquals(1, infile.certificationRequests("FACT-" + id));

                stack.app().producer().requestBody("direct:fel-replay", "{\"payment_intent_id\": \"" + id + "\"}");
                // rejected again (the clock still says so), under the next revision: a new identificador
                DemoScenario.await(
                        () -> ledger.number("select count(*) from fel_dead_letters where payment_intent_id = ?", id)
                                == 2,
                        id + " dead-lettered again");
                assertEquals(1, infile.certificationRequests("FACT-" + id + "-R1"));
                assertEquals(1, infile.certificationRequests("FACT-" + id));
                assertEquals(1, ((Number) ledger.payment(id).get("fel_revision")).intValue());
                assertEquals(0, infile.certifiedCount());
            }
        }
    }
}
