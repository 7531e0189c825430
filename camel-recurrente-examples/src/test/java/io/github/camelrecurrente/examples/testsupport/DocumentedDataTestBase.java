package io.github.camelrecurrente.examples.testsupport;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelrecurrente.examples.app.ExamplesStack;
import io.github.camelrecurrente.examples.ledger.LedgerReport;
import io.github.camelrecurrente.examples.reconciliation.Reconciliation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stack of the tests against documented data (issue 21): the app in real-API mode with live keys, the API a
 * loopback stand-in answering documented shapes only ({@link DocumentedApi}), the ledger on H2 or, in the PostgreSQL
 * subclasses, on PostgreSQL. A subclass starts it from its {@code @BeforeAll} with {@link #startWith(Map)}.
 */
public abstract class DocumentedDataTestBase {

    @TempDir
    protected static Path dir;

    protected static DocumentedApi api;
    protected static ExamplesStack stack;
    protected static LedgerReport ledger;
    protected static Map<String, String> props;
    protected static String webhookUrl;

    /** Starts the app with the ledger of {@code ledgerProperties} (none: H2 in file mode; the PostgreSQL subclass: its own). */
    protected static void startWith(Map<String, String> ledgerProperties) {
        api = DocumentedApi.start();
        props = TestStacks.properties(dir);
        props.putAll(ledgerProperties);
        api.appProperties(props);
        stack = ExamplesStack.start(props);
        ledger = new LedgerReport(stack.app().ledger());
        webhookUrl = "http://127.0.0.1:" + props.get("camel.server.port") + "/recurrente/events";
    }

    /** Runs the reconciliation over the last hour ({@code direct:reconcile}); returns its summary. */
    protected static Map<String, Object> reconcile() {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put(
                Reconciliation.FROM, Instant.now().minus(Duration.ofHours(1)).toString());
        headers.put(Reconciliation.UNTIL, Instant.now().toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> run =
                stack.app().producer().requestBodyAndHeaders("direct:reconcile", null, headers, Map.class);
        return run;
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
        if (api != null) {
            api.close();
        }
    }
}
