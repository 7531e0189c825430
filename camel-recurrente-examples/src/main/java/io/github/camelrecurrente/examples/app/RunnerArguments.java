package io.github.camelrecurrente.examples.app;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The runner's command line: {@code --once}, {@code --help} (or {@code -h}), {@code --version}. Anything else is
 * refused with the usage and exit code 2, before anything starts: a mistyped flag must not start three servers and
 * write {@code ./data/}. Configuration is given as properties ({@code -Dkey=value} before {@code -jar}, or
 * environment variables), never as program arguments.
 */
public record RunnerArguments(boolean once, boolean help, boolean version, List<String> unknown) {

    /** Exit code of a command line that cannot be run (as getopt's users expect). */
    public static final int USAGE_ERROR = 2;

    public static RunnerArguments parse(String... args) {
        boolean once = false;
        boolean help = false;
        boolean version = false;
        List<String> unknown = new ArrayList<>();
        for (String a : args) {
            switch (a) {
                case "--once" -> once = true;
                case "--help", "-h", "-?" -> help = true;
                case "--version", "-V" -> version = true;
                default -> unknown.add(a);
            }
        }
        return new RunnerArguments(once, help, version, List.copyOf(unknown));
    }

    /**
     * Handles what needs no server: prints the usage or the version, or refuses unknown arguments.
     *
     * @return the exit code when the runner must exit now, or -1 to go on and start
     */
    public int answerWithoutStarting(PrintStream out, PrintStream err) {
        if (!unknown.isEmpty()) {
            err.println("Unknown argument" + (unknown.size() > 1 ? "s" : "") + ": " + String.join(" ", unknown));
            err.println();
            err.print(usage());
            return USAGE_ERROR;
        }
        if (help) {
            out.print(usage());
            return 0;
        }
        if (version) {
            out.println("camel-recurrente-examples " + buildVersion());
            return 0;
        }
        return -1;
    }

    /** The build's version, from the runner jar's manifest ({@code development} when run from classes). */
    public static String buildVersion() {
        String v = RunnerArguments.class.getPackage().getImplementationVersion();
        return v == null ? "development (not run from the runner jar)" : v;
    }

    public static String usage() {
        return """
                Usage: java [-Dproperty=value ...] -jar camel-recurrente-examples-<version>-runner.jar [--once]
                       java -jar camel-recurrente-examples-<version>-runner.jar --help | --version

                The Recurrente example bundle: a ledger, FEL invoicing and e-mail fed by Recurrente webhooks.

                Modes (chosen by the keys you give):
                  sandbox mode   no RECURRENTE_SECRET_KEY: a local emulator of the API, stand-in certifier and SMTP
                                 server; runs a demo scenario and prints a summary
                  real-API mode  RECURRENTE_PUBLIC_KEY, RECURRENTE_SECRET_KEY and RECURRENTE_WEBHOOK_SECRET set: the
                                 real API; every external system must be configured (see docs/deployment.md)

                Options:
                  --once         sandbox mode: run the demo, print the summary and exit (0 when the books are right)
                  --help, -h     print this and exit
                  --version      print the version and exit

                Main properties (-Dname=value, or the environment variable in capitals with _ for . and -):
                  ledger.jdbc-url           the ledger database (default: H2 file under ./data/; PostgreSQL for
                                            several nodes)
                  camel.server.port         webhook port (default 8080; POST /recurrente/events only)
                  camel.management.port     health and metrics (/observe/health, /observe/health/live|ready)
                  examples.ops.port         operator console and endpoints (127.0.0.1:9877, token required)
                  fel.certifier             infile | stand-in | off (see docs/fel.md)
                  examples.node-id          this node's name in claims and in the cluster service

                Data: ./data/ by default (the H2 ledger, the operator token of a demo run, reconciliation reports,
                the cluster lock files when examples.cluster.service=file). Full list: application.properties in the
                jar and docs/examples.md.
                """;
    }
}
