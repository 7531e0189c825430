package io.github.camelrecurrente.examples.app;

import java.nio.file.Path;
import java.util.Map;

import io.github.camelrecurrente.examples.demo.DemoScenario;
import io.github.camelrecurrente.examples.ledger.LedgerReport;
import io.github.camelrecurrente.examples.testsupport.TestStacks;
import io.github.camelrecurrente.sandbox.PaymentOptions;
import io.github.camelrecurrente.sandbox.RecurrenteSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With keys configured the app starts no emulator and calls whatever recurrente.base-url says with those keys: here an
 * emulator started by the test plays "the real API" with its own live-looking keys and webhook secret. The ledger runs
 * in H2's PostgreSQL mode (lower-case identifiers), to check the portable SQL.
 */
class RealApiModeTest {

    @TempDir
    Path dir;

    @Test
    void keysSwitchOffSandboxModeAndTheSameRoutesRunAgainstTheConfiguredApi() throws Exception {
        Map<String, String> props = TestStacks.properties(dir);
        // and the ledger SQL in PostgreSQL dialect/case folding (no PostgreSQL server in the build)
        props.put("ledger.jdbc-url", props.get("ledger.jdbc-url") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
        try (RecurrenteSandbox api = TestStacks.realApi(props)) {
            try (ExamplesStack stack = ExamplesStack.start(props)) {
                assertNull(stack.sandbox(), "no emulator in real-API mode");
                assertTrue(!stack.sandboxMode());
                String checkout = api.createCheckout(30000, "GTQ");
                String id = (String)
                        api.payCheckout(checkout, PaymentOptions.defaults().withTax("5550001-1", "Hotel Atitlán"))
                                .get("id");
                LedgerReport ledger = new LedgerReport(stack.app().ledger());
                DemoScenario.await(() -> "DONE".equals(ledger.invoiceStatus(id)), id + " invoiced");
                assertEquals("5550001-1", ledger.payment(id).get("tax_id"));
                assertNotNull(api.paymentIntent(id).get("tax_invoice_url"));
                assertEquals(
                        ledger.payment(id).get("invoice_url"),
                        api.paymentIntent(id).get("tax_invoice_url"));
                // the tax_invoice_url push was authenticated with the configured secret key
                assertTrue(api.requests().stream().anyMatch(r -> r.path().contains("/payment_intents/" + id)));
            }
        }
    }
}
