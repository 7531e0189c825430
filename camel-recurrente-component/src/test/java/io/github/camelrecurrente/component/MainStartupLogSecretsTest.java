package io.github.camelrecurrente.component;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Camel Main application configured the documented way (component properties) never prints the keys or the
 * webhook secret, even with Camel Main's startup summary at INFO (Camel masks secretKey by name; the component adds
 * webhookSecret and publicKey to the context's sensitive keywords).
 */
class MainStartupLogSecretsTest {

    private static final String SECRET_KEY = "sk_test_LEAKCHECK_8c1d2e";
    private static final String PUBLIC_KEY = "pk_test_visible_77aa01";
    private static final String WEBHOOK_SECRET = "whsec_TEVBS0NIRUNLTEVBS0NIRUNLTEVBSw==";

    @Test
    void startupLogsDoNotContainSecrets(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path properties = dir.resolve("application.properties");
        java.nio.file.Files.writeString(
                properties,
                String.join(
                        "\n",
                        "camel.main.name = leak-check",
                        "camel.component.recurrente.secret-key = " + SECRET_KEY,
                        "camel.component.recurrente.public-key = " + PUBLIC_KEY,
                        "camel.component.recurrente.webhook-secret = " + WEBHOOK_SECRET,
                        "camel.component.recurrente.base-url = http://127.0.0.1:9/api",
                        "camel.main.auto-configuration-log-summary = true",
                        ""));
        PrintStream originalErr = System.err;
        PrintStream originalOut = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        Main main = new Main();
        try {
            System.setErr(capture);
            System.setOut(capture);
            main.setDefaultPropertyPlaceholderLocation("file:" + properties.toAbsolutePath());
            main.configure().addRoutesBuilder(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:leak").routeId("leak-check").to("recurrente:getCheckout?id=ch_1");
                }
            });
            main.start();
            main.getCamelContext().getEndpoints().forEach(e -> System.err.println("endpoint " + e));
        } finally {
            main.stop();
            System.setErr(originalErr);
            System.setOut(originalOut);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("leak-check"), "the log was captured: " + log.length() + " chars");
        assertTrue(log.contains("recurrente.webhookSecret = xxxxxx"), "masked in the summary: " + log);
        assertTrue(
                log.contains("secret-key") || log.contains("secretKey"),
                "the component properties are in the summary (masked): " + log);
        assertFalse(log.contains(SECRET_KEY), "secret key in the startup log");
        assertFalse(log.contains("visible_77aa01"), "public key in the startup log");
        assertFalse(log.contains("TEVBS0NIRUNL"), "webhook secret in the startup log");
    }
}
