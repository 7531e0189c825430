package io.github.camelrecurrente.examples.invoicing;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import io.github.camelrecurrente.examples.app.ExamplesStack;
import io.github.camelrecurrente.examples.demo.DemoScenario;
import io.github.camelrecurrente.examples.ledger.LedgerReport;
import io.github.camelrecurrente.examples.standins.infile.StandInDocument;
import io.github.camelrecurrente.examples.testsupport.TestStacks;
import io.github.camelrecurrente.sandbox.PaymentOptions;
import io.github.camelrecurrente.sandbox.RecurrenteSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A partial refund of an invoiced payment gets one credit note (NCRE) at INFILE (its stand-in), identificador
 * {@code NCRE-<refund id>}, referencing the payment's FACT, stored on the refund; a later run certifies nothing more.
 */
class RefundCreditNotesEndToEndTest {

    @TempDir
    Path dir;

    @Test
    void aPartialRefundOfAnInvoicedPaymentIsCreditedOnce() throws Exception {
        Map<String, String> props = TestStacks.properties(dir);
        try (ExamplesStack stack = ExamplesStack.start(props)) {
            RecurrenteSandbox sandbox = stack.sandbox().sandbox();
            LedgerReport ledger = new LedgerReport(stack.app().ledger());
            String pa = (String) sandbox.payCheckout(
                            sandbox.createCheckout(15000, "GTQ"),
                            new PaymentOptions(
                                    PaymentOptions.SUCCESS_CARD,
                                    "1234567-9",
                                    "Comercial La Ceiba",
                                    "ceiba@example.com",
                                    "Ana"))
                    .get("id");
            DemoScenario.await(() -> "DONE".equals(ledger.invoiceStatus(pa)), pa + " invoiced");
            String factUuid = (String) ledger.payment(pa).get("invoice_uuid");

            HttpResponse<String> refunded = TestStacks.opsPost(
                    props, "/ops/refunds", "{\"payment_intent_id\": \"" + pa + "\", \"amount_in_cents\": 5000}");
            assertEquals(200, refunded.statusCode(), refunded.body());
            Map<String, Object> refund = ledger.rows("select * from refunds where payment_intent_id = ?", pa)
                    .get(0);
            String re = (String) refund.get("refund_id");
            assertEquals("succeeded", refund.get("status"), refund.toString());
            String identificador = "NCRE-" + re;

            DemoScenario.await(
                    () -> "ISSUED"
                            .equals(ledger.rows("select credit_status from refunds where refund_id = ?", re)
                                    .get(0)
                                    .get("credit_status")),
                    re + " credited");
            StandInDocument ncre = stack.certifier().document(identificador).orElseThrow();
            assertEquals("NCRE", ncre.tipo());
            assertEquals(factUuid, ncre.referencedUuid(), "the NCRE references the payment's FACT");
            assertEquals(
                    0,
                    new BigDecimal("50.00").compareTo(ncre.granTotal()),
                    ncre.granTotal().toPlainString());
            assertEquals(1, stack.certifier().certificationRequests(identificador));
            Map<String, Object> row =
                    ledger.rows("select * from refunds where refund_id = ?", re).get(0);
            assertEquals(ncre.uuid(), row.get("credit_uuid"));
            assertEquals(ncre.serie(), row.get("credit_serie"));
            assertEquals(ncre.numero(), row.get("credit_numero"));
            assertTrue(((String) row.get("credit_pdf_url")).startsWith("http"), row.toString());

            // another run: nothing more is certified
            int certified = stack.certifier().certifiedCount();
            Map<?, ?> again = stack.app().producer().requestBody("direct:fel-credit-notes", null, Map.class);
            assertEquals(0, again.get("issued"), again.toString());
            assertEquals(certified, stack.certifier().certifiedCount());
            assertEquals(1, stack.certifier().certificationRequests(identificador));
        }
    }
}
