package io.github.camelrecurrente.sandbox;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

import io.github.camelrecurrente.sandbox.webhook.WebhookDispatcher;

/**
 * Runs the sandbox from the command line:
 * {@code java -jar camel-recurrente-sandbox.jar --port 8090 --public-key pk_test_x --secret-key sk_test_x}.
 * See {@code --help}.
 */
public final class SandboxMain {

    /** Default port of the runnable jar. */
    public static final int DEFAULT_PORT = 8090;

    private SandboxMain() {}

    /** Entry point; blocks until the JVM is stopped. */
    public static void main(String[] args) throws InterruptedException {
        RecurrenteSandbox sandbox;
        try {
            sandbox = start(args, System.out);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println("Run with --help for usage.");
            System.exit(2);
            return;
        }
        if (sandbox == null) {
            return;
        }
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            sandbox.close();
                            stop.countDown();
                        },
                        "recurrente-sandbox-shutdown"));
        stop.await();
    }

    /**
     * Parses the arguments and starts a sandbox (does not block).
     *
     * @return the started sandbox, or {@code null} when only {@code --help} was asked
     * @throws IllegalArgumentException for bad arguments
     */
    public static RecurrenteSandbox start(String[] args, PrintStream out) {
        int port = DEFAULT_PORT;
        String name = RecurrenteSandbox.DEFAULT_ACCOUNT_NAME;
        String publicKey = RecurrenteSandbox.DEFAULT_PUBLIC_KEY;
        String secretKey = RecurrenteSandbox.DEFAULT_SECRET_KEY;
        List<String[]> extraAccounts = new ArrayList<>();
        RecurrenteSandbox.Builder b = RecurrenteSandbox.builder();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--help", "-h" -> {
                    out.println(usage());
                    return null;
                }
                case "--port" -> port = parseInt(value(args, ++i, a), a);
                case "--account-name" -> name = value(args, ++i, a);
                case "--public-key" -> publicKey = value(args, ++i, a);
                case "--secret-key" -> secretKey = value(args, ++i, a);
                case "--account" -> {
                    String[] parts = value(args, ++i, a).split(":", 3);
                    if (parts.length != 3) {
                        throw new IllegalArgumentException("--account expects name:public_key:secret_key");
                    }
                    extraAccounts.add(parts);
                }
                case "--legacy-errors" -> b.legacyErrors(true);
                case "--no-unified-events" -> b.unifiedEvents(false);
                case "--no-legacy-events" -> b.legacyEvents(false);
                case "--extended-fields" -> b.extendedFields(true);
                case "--webhook-retry-schedule" -> b.webhookRetrySchedule(parseSchedule(value(args, ++i, a)));
                case "--journal-capacity" -> b.journalCapacity(parseInt(value(args, ++i, a), a));
                case "--webhook-history" -> b.webhookHistory(parseInt(value(args, ++i, a), a));
                case "--threads" -> b.threads(parseInt(value(args, ++i, a), a));
                default -> throw new IllegalArgumentException("Unknown option " + a);
            }
        }
        b.port(port).account(name, publicKey, secretKey);
        for (String[] acc : extraAccounts) {
            b.account(acc[0], acc[1], acc[2]);
        }
        RecurrenteSandbox sandbox = b.build().start();
        out.println("Recurrente sandbox listening on " + sandbox.baseUrl() + " (controls: " + sandbox.rootUrl()
                + "/sandbox)");
        for (SandboxAccount acc : sandbox.accounts()) {
            out.println("  account '" + acc.name() + "' public key " + acc.publicKey());
        }
        return sandbox;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int parseInt(String s, String option) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " expects a number, got '" + s + "'");
        }
    }

    /** Parses {@code 0s,1s,2s} / {@code 500ms,5m,2h} / {@code svix}. */
    static List<Duration> parseSchedule(String text) {
        if ("svix".equalsIgnoreCase(text.trim())) {
            return RecurrenteSandbox.SVIX_RETRY_SCHEDULE;
        }
        List<Duration> out = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.trim().toLowerCase(Locale.ROOT);
            try {
                if (p.endsWith("ms")) {
                    out.add(Duration.ofMillis(Long.parseLong(p.substring(0, p.length() - 2))));
                } else if (p.endsWith("s")) {
                    out.add(Duration.ofSeconds(Long.parseLong(p.substring(0, p.length() - 1))));
                } else if (p.endsWith("m")) {
                    out.add(Duration.ofMinutes(Long.parseLong(p.substring(0, p.length() - 1))));
                } else if (p.endsWith("h")) {
                    out.add(Duration.ofHours(Long.parseLong(p.substring(0, p.length() - 1))));
                } else {
                    out.add(Duration.ofSeconds(Long.parseLong(p)));
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "Bad retry schedule entry '" + part + "' (use e.g. 0s,5s,5m,2h or svix)");
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("The retry schedule needs at least one entry");
        }
        return out;
    }

    static String usage() {
        return String.join(
                System.lineSeparator(),
                "Recurrente API sandbox: a loopback emulator of https://app.recurrente.com/api",
                "",
                "Usage: java -jar camel-recurrente-sandbox.jar [options]",
                "",
                "  --port N                     port on 127.0.0.1 (default " + DEFAULT_PORT + "; 0 = any free port)",
                "  --account-name NAME          account name answered by GET /api/test (default \""
                        + RecurrenteSandbox.DEFAULT_ACCOUNT_NAME + "\")",
                "  --public-key KEY             X-PUBLIC-KEY of the account (default "
                        + RecurrenteSandbox.DEFAULT_PUBLIC_KEY + ")",
                "  --secret-key KEY             X-SECRET-KEY of the account (default "
                        + RecurrenteSandbox.DEFAULT_SECRET_KEY + ")",
                "  --account NAME:PK:SK         an additional account (repeatable), with its own data",
                "  --legacy-errors              answer errors as {\"error\": \"...\"} instead of {\"message\", \"errors\"}",
                "  --no-unified-events          do not emit the unified intent.* webhook events",
                "  --no-legacy-events           do not emit the legacy webhook events (payment_intent.*, ...)",
                "  --extended-fields            compatibility: also send the undocumented fields, filters and paging",
                "                               of earlier sandbox versions (default: documented shapes only)",
                "  --webhook-retry-schedule S   delays before each webhook attempt, e.g. 0s,5s,5m,30m,2h or 'svix'",
                "                               (default 0s,1s,2s; svix = 0s,5s,5m,30m,2h,5h,10h,10h)",
                "  --journal-capacity N         API requests kept for GET /sandbox/requests (default "
                        + RecurrenteSandbox.DEFAULT_JOURNAL_CAPACITY + "; 0 = off)",
                "  --webhook-history N          webhook events, deliveries and re-sendable messages kept (default "
                        + WebhookDispatcher.DEFAULT_HISTORY_CAPACITY + ")",
                "  --threads N                  HTTP worker threads (default max(8, 4 x cores))",
                "  --help                       this text",
                "",
                "Controls (no auth): GET /sandbox lists them, e.g. POST /sandbox/checkouts/{id}/pay");
    }
}
