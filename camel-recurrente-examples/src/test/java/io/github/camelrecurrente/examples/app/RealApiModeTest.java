package io.github.camelrecurrente.examples.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.github.camelrecurrente.examples.demo.DemoScenario;
import io.github.camelrecurrente.examples.ledger.LedgerReport;
import io.github.camelrecurrente.examples.standins.infile.InfileStandIn;
import io.github.camelrecurrente.examples.testsupport.TestStacks;
import io.github.camelrecurrente.sandbox.PaymentOptions;
import io.github.camelrecurrente.sandbox.RecordedRequest;
import io.github.camelrecurrente.sandbox.RecurrenteSandbox;
import jakarta.mail.internet.MimeMessage;
import org.apache.camel.support.CamelContextHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With keys configured the app starts no emulator and calls whatever recurrente.base-url says with those keys: here an
 * emulator started by the test plays "the real API" with its own live-looking keys and webhook secret. The ledger runs
 * in H2's PostgreSQL mode (lower-case identifiers), to check the portable SQL.
 * <p>
 * And nothing from a stand-in reaches that account (issue #20, item 6): {@code fel.certifier} has no default there,
 * the INFILE stand-in is refused unless {@code fel.allow-stand-in-with-real-keys=true} (and then none of its URLs is
 * pushed), {@code off} pushes nothing, the SMTP stand-in runs only when asked for, and a missing or malformed
 * {@code fel.*} property stops the start with its name and the rule.
 */
class RealApiModeTest {

    @TempDir
    Path dir;

    /** The test's properties in real-API mode against {@code api}; the certifier is each test's. */
    private Map<String, String> realApiProperties() {
        Map<String, String> props = TestStacks.properties(dir);
        // and the ledger SQL in PostgreSQL dialect/case folding (no PostgreSQL server in the build)
        props.put("ledger.jdbc-url", props.get("ledger.jdbc-url") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
        return props;
    }

    @Test
    void keysSwitchOffSandboxModeAndTheSameRoutesRunAgainstTheConfiguredApi() throws Exception {
        Map<String, String> props = realApiProperties();
        try (RecurrenteSandbox api = TestStacks.realApi(props);
                InfileStandIn infile = TestStacks.infile(props)) {
            try (ExamplesStack stack = ExamplesStack.start(props)) {
                assertNull(stack.sandbox(), "no emulator in real-API mode");
                assertTrue(!stack.sandboxMode());
                assertNull(stack.certifier(), "no stand-in started: fel.certifier=infile");
                String checkout = api.createCheckout(30000, "GTQ");
                String id = (String)
                        api.payCheckout(checkout, PaymentOptions.defaults().withTax("5550001-3", "Hotel Atitlán"))
                                .get("id");
                LedgerReport ledger = new LedgerReport(stack.app().ledger());
                DemoScenario.await(() -> "DONE".equals(ledger.invoiceStatus(id)), id + " invoiced");
                Map<String, Object> row = ledger.payment(id);
                assertEquals("5550001-3", row.get("tax_id"));
                // tax_invoice_url is the certified document's PDF at INFILE's report URL
                assertEquals(
                        infile.rootUrl() + "/ingfacereport/ingfacereport_documento?uuid=" + row.get("invoice_uuid"),
                        api.paymentIntent(id).get("tax_invoice_url"));
                assertEquals(row.get("invoice_url"), api.paymentIntent(id).get("tax_invoice_url"));
                assertEquals(
                        "55500013", infile.document("FACT-" + id).orElseThrow().receptor());
                assertEquals("INFILE", row.get("invoice_certified_by"));
                // pushed once, authenticated with the configured secret key
                assertEquals(1, patches(api).size());
                // the INFILE credentials are masked wherever Camel lists properties
                for (String key : List.of(
                        "fel.infile.llave-firma",
                        "fel.infile.llave-api",
                        "fel.infile.usuario-firma",
                        "fel.infile.usuario-api")) {
                    assertTrue(CamelContextHelper.containsSensitive(stack.app().context(), key), key);
                }
            }
        }
    }

    @Test
    void withKeysAndNothingSetForTheCertifierTheAppDoesNotStartAndNamesTheProperty() {
        Map<String, String> props = realApiProperties();
        try (RecurrenteSandbox api = TestStacks.realApi(props)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExamplesStack.start(props));
            assertTrue(e.getMessage().startsWith("fel.certifier: is not set"), e.getMessage());
            assertTrue(e.getMessage().contains("infile") && e.getMessage().contains("off"), e.getMessage());
            // nothing started: no request reached the API, no webhook port is listening
            assertEquals(List.of(), api.requests());
            assertFalse(listening(props.get("camel.server.port")));
        }
    }

    @Test
    void withKeysTheStandInIsRefusedUnlessAllowed() {
        Map<String, String> props = realApiProperties();
        try (RecurrenteSandbox api = TestStacks.realApi(props)) {
            props.put("fel.certifier", "stand-in");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExamplesStack.start(props));
            assertTrue(e.getMessage().startsWith("fel.certifier: stand-in is refused"), e.getMessage());
            assertTrue(e.getMessage().contains("fel.allow-stand-in-with-real-keys=true"), e.getMessage());
            props.put("fel.allow-stand-in-with-real-keys", "yes");
            e = assertThrows(IllegalArgumentException.class, () -> ExamplesStack.start(props));
            assertEquals("fel.allow-stand-in-with-real-keys: 'yes' is not true or false", e.getMessage());
            props.put("fel.certifier", "infle");
            e = assertThrows(IllegalArgumentException.class, () -> ExamplesStack.start(props));
            assertEquals("fel.certifier: 'infle' is not one of infile, stand-in, off", e.getMessage());
            assertEquals(List.of(), api.requests());
        }
    }

    @Test
    void withKeysAndTheStandInAllowedNoLoopbackUrlEverReachesTheApiNorABuyer() throws Exception {
        Map<String, String> props = realApiProperties();
        try (RecurrenteSandbox api = TestStacks.realApi(props)) {
            props.put("fel.certifier", "stand-in");
            props.put("fel.allow-stand-in-with-real-keys", "true");
            try (ExamplesStack stack = ExamplesStack.start(props)) {
                assertNotNull(stack.certifier(), "the INFILE stand-in runs: it was asked for");
                assertFalse(stack.invoicingMode().publishes());
                LedgerReport ledger = new LedgerReport(stack.app().ledger());
                String id = (String) api.payCheckout(
                                api.createCheckout(12000, "GTQ"),
                                PaymentOptions.defaults().withPayer("compra@example.com", "Ana"))
                        .get("id");
                DemoScenario.await(() -> "DONE".equals(ledger.invoiceStatus(id)), id + " done");
                // certified by the stand-in and kept in the ledger, labelled so
                assertEquals(1, stack.certifier().certificationRequests("FACT-" + id));
                assertEquals("INFILE STAND-IN", ledger.payment(id).get("invoice_certified_by"));
                assertTrue(((String) ledger.payment(id).get("invoice_url")).startsWith("http://127.0.0.1:"));
                // ... and nothing of it pushed: no PATCH at all, so no loopback URL in any request to the API
                assertEquals(List.of(), patches(api));
                for (RecordedRequest r : api.requests()) {
                    assertFalse(r.bodyText().contains("127.0.0.1"), r.method() + " " + r.path());
                }
                assertNull(api.paymentIntent(id).get("tax_invoice_url"));
                // the receipt went (to the SMTP stand-in, asked for) without the stand-in's invoice
                MimeMessage receipt = stack.smtp().receivedMessages().get(0);
                assertEquals("Recibo de pago " + id, receipt.getSubject());
                String body = receipt.getContent().toString();
                assertFalse(body.contains("127.0.0.1"), body);
                assertTrue(body.contains("no es una factura"), body);
            }
        }
    }

    @Test
    void offIssuesNothingAndPushesNothing() throws Exception {
        Map<String, String> props = realApiProperties();
        try (RecurrenteSandbox api = TestStacks.realApi(props)) {
            props.put("fel.certifier", "off");
            try (ExamplesStack stack = ExamplesStack.start(props)) {
                assertNull(stack.certifier());
                LedgerReport ledger = new LedgerReport(stack.app().ledger());
                String id = (String) api.payCheckout(
                                api.createCheckout(9900, "GTQ"),
                                PaymentOptions.defaults().withPayer("sin.factura@example.com", "Luis"))
                        .get("id");
                DemoScenario.await(() -> "DONE".equals(ledger.invoiceStatus(id)), id + " done");
                Map<String, Object> row = ledger.payment(id);
                assertNull(row.get("invoice_url"));
                assertNull(row.get("invoice_uuid"));
                assertEquals(List.of(), patches(api));
                assertNull(api.paymentIntent(id).get("tax_invoice_url"));
                assertEquals(1, ledger.emailCount("RECEIPT", id));
                assertTrue(stack.smtp()
                        .receivedMessages()
                        .get(0)
                        .getContent()
                        .toString()
                        .contains("no es una factura"));
            }
        }
    }

    @Test
    void withInfileAMissingOrMalformedFelPropertyStopsTheStartWithItsNameAndRule() {
        Map<String, String> props = realApiProperties();
        try (RecurrenteSandbox api = TestStacks.realApi(props);
                InfileStandIn infile = TestStacks.infile(props)) {
            props.remove("fel.emisor.nit");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExamplesStack.start(props));
            assertTrue(e.getMessage().startsWith("fel.emisor.nit: is not set"), e.getMessage());
            props.put("fel.emisor.nit", "1234567-8");
            e = assertThrows(IllegalArgumentException.class, () -> ExamplesStack.start(props));
            assertTrue(e.getMessage().startsWith("fel.emisor.nit: "), e.getMessage());
            assertTrue(e.getMessage().contains("check digit"), e.getMessage());
            props.put("fel.emisor.nit", "12345679");
            String key = props.remove("fel.infile.llave-api");
            e = assertThrows(IllegalArgumentException.class, () -> ExamplesStack.start(props));
            assertTrue(e.getMessage().startsWith("fel.infile.llave-api: is not set"), e.getMessage());
            props.put("fel.infile.llave-api", key);
            props.put("fel.infile.requests-per-second", "many");
            e = assertThrows(IllegalArgumentException.class, () -> ExamplesStack.start(props));
            assertTrue(e.getMessage().startsWith("fel.infile.requests-per-second: 'many'"), e.getMessage());
            assertFalse(e.getMessage().contains(key), "no secret in the message");
            assertEquals(List.of(), api.requests());
            assertEquals(0, infile.certifiedCount());
        }
    }

    @Test
    void withKeysTheSmtpStandInRunsOnlyWhenAskedFor() throws Exception {
        Map<String, String> props = realApiProperties();
        try (RecurrenteSandbox api = TestStacks.realApi(props)) {
            props.put("fel.certifier", "off");
            props.remove("mail.smtp");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExamplesStack.start(props));
            assertTrue(e.getMessage().startsWith("mail.smtp.uri: is not set"), e.getMessage());
            assertTrue(e.getMessage().contains("mail.smtp=stand-in"), e.getMessage());
            props.put("mail.smtp", "stand-in");
            props.put("mail.smtp.uri", "smtp://127.0.0.1:2525");
            e = assertThrows(IllegalArgumentException.class, () -> ExamplesStack.start(props));
            assertTrue(e.getMessage().contains("both set"), e.getMessage());
            props.remove("mail.smtp.uri");
            try (ExamplesStack stack = ExamplesStack.start(props)) {
                assertNotNull(stack.smtp(), "asked for: mail.smtp=stand-in");
            }
        }
    }

    /** The PATCH requests the API received. */
    private static List<RecordedRequest> patches(RecurrenteSandbox api) {
        return api.requests().stream().filter(r -> r.method().equals("PATCH")).toList();
    }

    private static boolean listening(String port) {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", Integer.parseInt(port))) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
