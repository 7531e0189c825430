package io.github.camelrecurrente.examples.invoicing;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import io.github.camelrecurrente.examples.app.ExamplesStack;
import io.github.camelrecurrente.examples.ledger.LedgerReport;
import io.github.camelrecurrente.examples.testsupport.TestStacks;
import io.github.camelrecurrente.sandbox.RecurrenteSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operator cancels an invoice ({@code POST /ops/fel/cancel}): a GTAnulacionDocumento of the invoice the ledger keeps,
 * sent to INFILE (its stand-in) once, recorded and audited; refused with the field or the reason before anything is
 * sent; and, when INFILE's answer is lost, the operator's second request gets the same anulación (its identificador
 * {@code ANUL-<payment id>}), never a second one.
 */
class FelCancellationEndToEndTest {

    @TempDir
    Path dir;

    @Test
    void anOperatorCancelsAnInvoiceOnceAndARepeatAfterALostAnswerGetsTheSameAnulacion() throws Exception {
        Map<String, String> props = TestStacks.properties(dir);
        try (ExamplesStack stack = ExamplesStack.start(props)) {
            RecurrenteSandbox sandbox = stack.sandbox().sandbox();
            LedgerReport ledger = new LedgerReport(stack.app().ledger());
            String id = TestStacks.invoicedToNit(sandbox, ledger);
            String uuid = (String) ledger.payment(id).get("invoice_uuid");

            HttpResponse<String> noReason =
                    TestStacks.opsPost(props, "/ops/fel/cancel", "{\"payment_intent_id\": \"" + id + "\"}");
            assertEquals(400, noReason.statusCode(), noReason.body());
            assertTrue(noReason.body().contains("\"field\":\"motivo\""), noReason.body());
            HttpResponse<String> unknown = TestStacks.opsPost(
                    props, "/ops/fel/cancel", "{\"payment_intent_id\": \"pa_nope\", \"motivo\": \"error\"}");
            assertEquals(404, unknown.statusCode(), unknown.body());
            assertEquals(0, stack.certifier().certificationRequests("ANUL-" + id), "nothing sent");

            HttpResponse<String> cancelled = TestStacks.opsPost(
                    props,
                    "/ops/fel/cancel",
                    "{\"payment_intent_id\": \"" + id + "\", \"motivo\": \"Pedido cancelado por el cliente\"}");
            assertEquals(200, cancelled.statusCode(), cancelled.body());
            assertTrue(cancelled.body().contains("\"uuid\":\"" + uuid + "\""), cancelled.body());
            assertTrue(stack.certifier().isCancelled(uuid));
            assertEquals(1, stack.certifier().certificationRequests("ANUL-" + id));
            Map<String, Object> row = ledger.payment(id);
            assertNotNull(row.get("invoice_cancelled_at"));
            assertEquals("Pedido cancelado por el cliente", row.get("invoice_cancel_reason"));
            Map<String, Object> audit = ledger.rows(
                            "select * from operator_audit where action = 'fel-cancel' and http_status = 200")
                    .get(0);
            assertEquals(id, audit.get("target"));
            assertTrue(((String) audit.get("outcome")).contains(uuid), audit.toString());

            // a second request: refused by the ledger, nothing sent
            HttpResponse<String> again = TestStacks.opsPost(
                    props, "/ops/fel/cancel", "{\"payment_intent_id\": \"" + id + "\", \"motivo\": \"otra vez\"}");
            assertEquals(409, again.statusCode(), again.body());
            assertTrue(again.body().contains("already_cancelled"), again.body());
            assertEquals(1, stack.certifier().certificationRequests("ANUL-" + id));

            // INFILE cancels, its answer is lost: 503 and nothing recorded; the operator sends it again and gets the
            // same anulación (INFILE's repeat answer), not a second one
            String other = TestStacks.invoicedToNit(sandbox, ledger);
            String otherUuid = (String) ledger.payment(other).get("invoice_uuid");
            int certified = stack.certifier().certifiedCount();
            stack.certifier().loseNextAnswers(1);
            String request = "{\"payment_intent_id\": \"" + other + "\", \"motivo\": \"Error en el monto\"}";
            HttpResponse<String> lost = TestStacks.opsPost(props, "/ops/fel/cancel", request);
            assertEquals(503, lost.statusCode(), lost.body());
            assertTrue(stack.certifier().isCancelled(otherUuid), "INFILE did cancel it");
            assertNull(ledger.payment(other).get("invoice_cancelled_at"));
            HttpResponse<String> retried = TestStacks.opsPost(props, "/ops/fel/cancel", request);
            assertEquals(200, retried.statusCode(), retried.body());
            assertTrue(retried.body().contains("\"origin\":\"REPEATED\""), retried.body());
            assertEquals(2, stack.certifier().certificationRequests("ANUL-" + other));
            assertEquals(certified + 1, stack.certifier().certifiedCount(), "one anulación, not two");
            assertNotNull(ledger.payment(other).get("invoice_cancelled_at"));
            assertFalse(ledger.rows("select * from operator_audit where action = 'fel-cancel' and http_status = 503")
                    .isEmpty());
        }
    }
}
