package io.github.camelrecurrente.examples;

import java.io.PrintStream;
import java.util.Map;

import io.github.camelrecurrente.examples.app.ExamplesStack;
import io.github.camelrecurrente.examples.app.RunnerArguments;
import io.github.camelrecurrente.examples.demo.DemoScenario;

/**
 * Entry point of the runnable jar.
 * <pre>
 *   java -jar camel-recurrente-examples-&lt;version&gt;-runner.jar          # sandbox demo, then keeps serving
 *   java -jar camel-recurrente-examples-&lt;version&gt;-runner.jar --once   # sandbox demo, exits 0 when all is in the books
 *   RECURRENTE_PUBLIC_KEY=pk_... RECURRENTE_SECRET_KEY=sk_... RECURRENTE_WEBHOOK_SECRET=whsec_... java -jar ...   # real API
 * </pre>
 * Any property of application.properties can be given as {@code -Dkey=value}. {@code --help} prints the usage,
 * {@code --version} the version; any other argument is refused with the usage and exit code 2 ({@link RunnerArguments}).
 */
public final class RecurrenteExamplesApp {

    private RecurrenteExamplesApp() {}

    public static void main(String[] args) throws Exception {
        RunnerArguments arguments = RunnerArguments.parse(args);
        int answered = arguments.answerWithoutStarting(System.out, System.err);
        if (answered >= 0) {
            System.exit(answered);
        }
        boolean once = arguments.once();
        int code = run(once, Map.of(), System.out);
        if (once || code != 0) {
            System.exit(code);
        }
    }

    /**
     * Starts the stack, runs the sandbox scenario (sandbox mode), prints the summary; with {@code once} stops and
     * returns 0 when the summary is OK, else serves until the JVM is stopped.
     */
    public static int run(boolean once, Map<String, String> overrides, PrintStream out) throws Exception {
        ExamplesStack stack = ExamplesStack.start(overrides);
        int code = 0;
        try {
            out.println();
            out.println("Recurrente examples started: "
                    + (stack.sandboxMode()
                            ? "SANDBOX MODE (no RECURRENTE_SECRET_KEY): local Recurrente emulator, webhook at "
                                    + stack.sandbox().webhookUrl()
                            : "REAL API mode (keys configured)"));
            out.println("  FEL (fel.certifier=" + stack.invoicingMode().certifierValue() + "): "
                    + stack.invoicingMode().describe()
                    + (stack.certifier() != null ? ", " + stack.certifier().rootUrl() : ""));
            out.println("  SMTP: "
                    + (stack.smtp() != null
                            ? "embedded STAND-IN SMTP server " + stack.smtp().smtpUri()
                            : "configured (mail.smtp.uri)"));
            out.println("  Ledger: " + stack.app().context().resolvePropertyPlaceholders("{{ledger.jdbc-url}}"));
            out.println("  Operator endpoints: " + stack.operatorBanner());
            String scenario = stack.app().context().resolvePropertyPlaceholders("{{examples.sandbox.scenario:true}}");
            if (stack.sandboxMode() && Boolean.parseBoolean(scenario)) {
                DemoScenario demo = new DemoScenario(stack, out);
                DemoScenario.Result result = demo.run();
                DemoScenario.Summary summary = DemoScenario.summarize(stack, result);
                summary.print(out);
                code = summary.ok() ? 0 : 1;
            }
            if (!once) {
                String port = stack.app().context().resolvePropertyPlaceholders("{{camel.server.port}}");
                String managementPort = stack.app().context().resolvePropertyPlaceholders("{{camel.management.port}}");
                out.println();
                out.println("Serving webhooks on port " + port + " (POST "
                        + stack.app().context().resolvePropertyPlaceholders("{{recurrente.webhook-path}}")
                        + ", nothing else); health GET"
                        + " http://localhost:" + managementPort + "/observe/health. Ctrl+C to stop.");
                stack.app().awaitShutdown();
            }
        } finally {
            stack.close();
        }
        return code;
    }
}
