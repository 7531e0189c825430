package io.github.camelrecurrente.examples.operator;

import java.net.ConnectException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import io.github.camelrecurrente.examples.app.ExamplesStack;
import io.github.camelrecurrente.examples.ledger.LedgerReport;
import io.github.camelrecurrente.examples.testsupport.TestStacks;
import io.github.camelrecurrente.sandbox.RecurrenteSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Without an operator token: in real-API mode the operator routes do not start (and the banner says so); in sandbox
 * mode the app makes a random token for the run and tells where it is, not what it is.
 */
class OperatorModesTest {

    @TempDir
    Path dir;

    @Test
    void realApiModeWithoutATokenStartsNoOperatorRoute() throws Exception {
        Map<String, String> props = TestStacks.properties(dir);
        props.remove("examples.ops.token");
        props.put("fel.certifier", "off");
        try (RecurrenteSandbox api = TestStacks.realApi(props)) {
            try (ExamplesStack stack = ExamplesStack.start(props)) {
                assertFalse(stack.operatorAccess().enabled());
                String banner = stack.operatorBanner();
                assertTrue(banner.startsWith("NOT STARTED") && banner.contains("EXAMPLES_OPS_TOKEN"), banner);
                for (String route : new String[] {
                    "operator-refund",
                    "operator-fel-replay",
                    "operator-reconcile",
                    "operator-status-page",
                    "operator-login"
                }) {
                    assertNull(stack.app().context().getRoute(route), route);
                }
                assertThrows(
                        ConnectException.class,
                        () -> TestStacks.send(
                                "POST",
                                TestStacks.opsUrl(props) + "/ops/refunds",
                                "{}",
                                "Authorization",
                                "Bearer " + TestStacks.OPS_TOKEN));
                // and nothing of it on the public port either
                assertEquals(
                        404,
                        TestStacks.send(
                                        "POST",
                                        "http://127.0.0.1:" + props.get("camel.server.port") + "/ops/refunds",
                                        "{}")
                                .statusCode());
                // the rest of the app runs: the webhook route is there
                assertTrue(stack.app().context().getRoute("recurrente-webhook-events") != null);
            }
        }
    }

    @Test
    void sandboxModeWithoutATokenGeneratesOneAndTellsOnlyWhereItIs() throws Exception {
        Map<String, String> props = TestStacks.properties(dir);
        props.remove("examples.ops.token");
        try (ExamplesStack stack = ExamplesStack.start(props)) {
            Path file = Path.of(props.get("examples.ops.token-file"));
            assertTrue(stack.operatorAccess().enabled());
            assertEquals(
                    file.toAbsolutePath().normalize(), stack.operatorAccess().generatedTokenFile());
            String token = Files.readString(file).trim();
            assertTrue(token.length() >= OperatorTokens.MIN_TOKEN_LENGTH, "a long random token");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            String banner = stack.operatorBanner();
            assertTrue(banner.contains(file.toAbsolutePath().toString()), banner);
            assertFalse(banner.contains(token), "the banner says where the token is, not what it is");
            HttpResponse<String> replay = TestStacks.send(
                    "POST", TestStacks.opsUrl(props) + "/ops/fel/replay", "", "Authorization", "Bearer " + token);
            assertEquals(200, replay.statusCode(), replay.body());
            assertEquals(
                    1,
                    new LedgerReport(stack.app().ledger())
                            .number("select count(*) from operator_audit where token_label = 'demo'"));
        }
    }

    @Test
    void tokensAreCheckedAtStartAndNeverShown() {
        IllegalArgumentException shortToken =
                assertThrows(IllegalArgumentException.class, () -> OperatorTokens.parse("ana:short-secret-1"));
        assertTrue(shortToken.getMessage().contains("at least 24"), shortToken.getMessage());
        assertFalse(shortToken.getMessage().contains("short-secret-1"));
        IllegalArgumentException twice = assertThrows(
                IllegalArgumentException.class,
                () -> OperatorTokens.parse("a:" + TestStacks.OPS_TOKEN + ",a:" + TestStacks.AUDITOR_TOKEN));
        assertTrue(twice.getMessage().contains("used twice"), twice.getMessage());
        OperatorTokens tokens = OperatorTokens.parse(" ana : " + TestStacks.OPS_TOKEN + "," + TestStacks.AUDITOR_TOKEN);
        assertEquals("ana", tokens.labelOf(TestStacks.OPS_TOKEN));
        assertEquals(OperatorTokens.DEFAULT_LABEL, tokens.labelOf(TestStacks.AUDITOR_TOKEN));
        assertNull(tokens.labelOf(TestStacks.OPS_TOKEN.substring(1)));
        assertNull(tokens.labelOf(null));
        assertFalse(tokens.toString().contains(TestStacks.OPS_TOKEN));
        assertNull(OperatorGuard.bearer("Basic abc"));
        assertEquals("abc", OperatorGuard.bearer("bearer abc"));
    }
}
