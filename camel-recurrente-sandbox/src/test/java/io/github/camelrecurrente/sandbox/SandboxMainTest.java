package io.github.camelrecurrente.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SandboxMainTest {

    @Test
    void startsOnAFreePortWithTheGivenAccount() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RecurrenteSandbox s = SandboxMain.start(
                new String[] {
                    "--port",
                    "0",
                    "--account-name",
                    "Mi Tienda",
                    "--public-key",
                    "pk_test_cli",
                    "--secret-key",
                    "sk_test_cli",
                    "--legacy-errors",
                    "--webhook-retry-schedule",
                    "0s,500ms,1m",
                    "--account",
                    "Otra:pk_test_o:sk_test_o"
                },
                new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            String printed = out.toString(StandardCharsets.UTF_8);
            assertTrue(printed.contains(s.baseUrl()), printed);
            assertTrue(!printed.contains("sk_test_cli"), "no secret in logs");
            TestHttp http = new TestHttp(s.rootUrl(), "pk_test_cli", "sk_test_cli");
            assertEquals(
                    "Hello Mi Tienda 🌎",
                    http.get("/api/test").json().get("message").asText());
            assertTrue(http.get("/api/checkouts/ch_x").json().has("error"), "legacy errors");
            assertEquals(
                    List.of(Duration.ZERO, Duration.ofMillis(500), Duration.ofMinutes(1)), s.webhookRetrySchedule());
            assertEquals(200, http.as("pk_test_o", "sk_test_o").get("/api/test").status());
        } finally {
            s.close();
        }
    }

    @Test
    void helpDocumentsTheOptionsAndDefaults() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertNull(SandboxMain.start(new String[] {"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8)));
        String help = out.toString(StandardCharsets.UTF_8);
        for (String s : new String[] {
            "--port",
            "8090",
            "--public-key",
            "--secret-key",
            "--account-name",
            "--legacy-errors",
            "--webhook-retry-schedule",
            "0s,1s,2s",
            RecurrenteSandbox.DEFAULT_PUBLIC_KEY
        }) {
            assertTrue(help.contains(s), "help mentions " + s);
        }
    }

    @Test
    void rejectsBadArguments() {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThrows(IllegalArgumentException.class, () -> SandboxMain.start(new String[] {"--bogus"}, sink));
        assertThrows(IllegalArgumentException.class, () -> SandboxMain.start(new String[] {"--port", "x"}, sink));
        assertThrows(IllegalArgumentException.class, () -> SandboxMain.start(new String[] {"--port"}, sink));
        assertThrows(IllegalArgumentException.class, () -> SandboxMain.parseSchedule("soon"));
        assertEquals(RecurrenteSandbox.SVIX_RETRY_SCHEDULE, SandboxMain.parseSchedule("svix"));
    }
}
