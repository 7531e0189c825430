package io.github.camelrecurrente.bench;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelrecurrente.sandbox.PaymentOptions;
import io.github.camelrecurrente.sandbox.RecurrenteSandbox;
import io.github.camelrecurrente.sandbox.WebhookEvent;
import io.github.camelrecurrente.sandbox.testing.SvixSigner;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Month-end burst (issue 14): {@code --deliveries} (10 000) subscription-renewal {@code payment_intent.succeeded}
 * deliveries from {@code --senders} (16) concurrent senders into two nodes of the examples app (two JVMs from the
 * runner jar) sharing one PostgreSQL ledger (embedded, from Maven artifacts). Each sender signs its deliveries (Svix)
 * and alternates between the nodes; a non-2xx answer is sent again after 1 s (as the sender would, much later).
 * <p>
 * Prints: sustained acknowledged deliveries/s, p50/p90/p99/max time to the webhook answer, time until every payment
 * is posted and until every payment is invoiced (certified, pushed as tax_invoice_url, mailed), and the checks: each
 * payment posted once, invoiced once, the journal balanced. The 2xx is the route's answer: the payment and its journal
 * are committed before it is sent. Not a test: nothing is asserted against a time.
 *
 * <pre>
 * java -cp camel-recurrente-bench/target/benchmarks.jar io.github.camelrecurrente.bench.MonthEndBurst \
 *      [--deliveries=10000] [--senders=16] [--demo-jar=PATH] [--node-heap=512m]
 * </pre>
 */
public final class MonthEndBurst {

    private MonthEndBurst() {}

    public static void main(String[] args) throws Exception {
        int deliveries = intArg(args, "--deliveries", 10_000);
        int senders = intArg(args, "--senders", 16);
        String heap = strArg(args, "--node-heap", "512m");
        BenchMain.Config cfg = new BenchMain.Config();
        cfg.demoJar = strArg(args, "--demo-jar", null);
        Path runner = StartupBench.findDemoJar(cfg);
        if (runner == null || !Files.isRegularFile(runner)) {
            throw new IllegalStateException("No examples runner jar: mvn -Pbench -pl camel-recurrente-bench -am package"
                    + " -DskipTests builds it (or pass --demo-jar=PATH)");
        }
        Path work = Files.createTempDirectory("month-end-burst");
        System.err.printf(
                "Machine: %d cores, load average %.1f%n",
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage());
        System.err.printf(
                "Month-end burst: %d deliveries, %d senders, 2 nodes (%s), work dir %s%n",
                deliveries, senders, runner.getFileName(), work);
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "100")
                        .start();
                RecurrenteSandbox sandbox = RecurrenteSandbox.builder()
                        .port(0)
                        .journalCapacity(0)
                        .webhookHistory(deliveries * 6 + 100)
                        .build()
                        .start()) {
            String jdbcUrl = pg.getJdbcUrl("postgres", "postgres");
            List<byte[]> bodies = renewals(sandbox, deliveries);
            String secret = SvixSigner.newSecret();
            List<Process> nodes = new ArrayList<>();
            List<String> urls = new ArrayList<>();
            try {
                for (String name : List.of("node-a", "node-b")) {
                    int port = freePort();
                    int management = freePort();
                    List<String> cmd = new ArrayList<>(List.of(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-Xmx" + heap,
                            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                            "-Dledger.jdbc-url=" + jdbcUrl,
                            "-Dledger.username=postgres",
                            "-Dledger.password=postgres",
                            "-Dledger.pool-size=16",
                            "-Drecurrente.public-key="
                                    + sandbox.defaultAccount().publicKey(),
                            "-Drecurrente.secret-key="
                                    + sandbox.defaultAccount().secretKey(),
                            "-Drecurrente.base-url=" + sandbox.baseUrl(),
                            "-Drecurrente.webhook.secret=" + secret,
                            "-Dexamples.node-id=" + name,
                            "-Dexamples.cluster.root=" + work.resolve("cluster"),
                            "-Dcamel.server.host=127.0.0.1",
                            "-Dcamel.server.port=" + port,
                            "-Dcamel.management.host=127.0.0.1",
                            "-Dcamel.management.port=" + management,
                            "-Dfel.poll-delay=100",
                            "-Dfel.claim.batch-size=50",
                            "-Dreconciliation.schedule.enabled=false",
                            "-Dreconciliation.report-dir=" + work.resolve("reconciliation"),
                            "-jar",
                            runner.toString()));
                    nodes.add(new ProcessBuilder(cmd)
                            .redirectErrorStream(true)
                            .redirectOutput(work.resolve(name + ".log").toFile())
                            .start());
                    urls.add("http://127.0.0.1:" + port + "/recurrente/events");
                    awaitHealthy("http://127.0.0.1:" + management + "/observe/health", work.resolve(name + ".log"));
                }
                run(bodies, senders, secret, urls, pg, deliveries);
            } finally {
                for (Process p : nodes) {
                    p.destroy();
                }
                for (Process p : nodes) {
                    if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                        p.destroyForcibly();
                    }
                }
            }
        }
    }

    private static void run(
            List<byte[]> bodies, int senders, String secret, List<String> urls, EmbeddedPostgres pg, int deliveries)
            throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(4))
                .build();
        ConcurrentLinkedQueue<Integer> queue = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < bodies.size(); i++) {
            queue.add(i);
        }
        long[] answerNanos = new long[bodies.size() * 4];
        AtomicInteger answers = new AtomicInteger();
        AtomicInteger acknowledged = new AtomicInteger();
        AtomicInteger retried = new AtomicInteger();
        AtomicLong lastAck = new AtomicLong();
        CountDownLatch done = new CountDownLatch(senders);
        long start = System.nanoTime();
        for (int s = 0; s < senders; s++) {
            int sender = s;
            Thread t = new Thread(
                    () -> {
                        try {
                            int n = 0;
                            while (acknowledged.get() < bodies.size()) {
                                Integer i = queue.poll();
                                if (i == null) {
                                    Thread.sleep(20);
                                    continue;
                                }
                                byte[] body = bodies.get(i);
                                String id = "msg_burst_" + i;
                                long ts = System.currentTimeMillis() / 1000;
                                HttpRequest req = HttpRequest.newBuilder(
                                                URI.create(urls.get((sender + n++) % urls.size())))
                                        .timeout(Duration.ofSeconds(30))
                                        .header("Content-Type", "application/json")
                                        .header("svix-id", id)
                                        .header("svix-timestamp", Long.toString(ts))
                                        .header("svix-signature", SvixSigner.sign(secret, id, ts, body))
                                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                        .build();
                                long t0 = System.nanoTime();
                                int status;
                                try {
                                    status = client.send(req, HttpResponse.BodyHandlers.discarding())
                                            .statusCode();
                                } catch (java.io.IOException e) {
                                    status = 0;
                                }
                                long t1 = System.nanoTime();
                                int a = answers.getAndIncrement();
                                if (a < answerNanos.length) {
                                    answerNanos[a] = t1 - t0;
                                }
                                if (status / 100 == 2) {
                                    acknowledged.incrementAndGet();
                                    lastAck.accumulateAndGet(t1, Math::max);
                                } else {
                                    retried.incrementAndGet();
                                    Thread.sleep(1000);
                                    queue.add(i);
                                }
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        } finally {
                            done.countDown();
                        }
                    },
                    "sender-" + s);
            t.start();
        }
        long postedAt = 0;
        long invoicedAt = 0;
        try (Connection c = pg.getPostgresDatabase().getConnection();
                Statement q = c.createStatement()) {
            while (invoicedAt == 0) {
                Thread.sleep(200);
                long posted = count(q, "select count(*) from payments");
                long invoiced = count(q, "select count(*) from payments where invoice_status = 'DONE'");
                if (postedAt == 0 && posted >= deliveries) {
                    postedAt = System.nanoTime();
                }
                if (invoiced >= deliveries) {
                    invoicedAt = System.nanoTime();
                }
                if (System.nanoTime() - start > Duration.ofMinutes(40).toNanos()) {
                    throw new IllegalStateException(
                            "not done after 40 minutes: " + posted + " posted, " + invoiced + " invoiced");
                }
            }
            done.await();
            int n = Math.min(answers.get(), answerNanos.length);
            long[] sorted = Arrays.copyOf(answerNanos, n);
            Arrays.sort(sorted);
            double sendSeconds = (lastAck.get() - start) / 1e9;
            System.out.println();
            System.out.println("| month-end burst | value |");
            System.out.println("|---|---|");
            System.out.printf(
                    "| deliveries acknowledged (2xx) | %d of %d, %d answers in all, %d re-sent after a"
                            + " non-2xx |%n",
                    acknowledged.get(), bodies.size(), n, retried.get());
            System.out.printf(
                    "| sustained rate (acknowledged / time to the last 2xx) | %.0f deliveries/s over" + " %.1f s |%n",
                    acknowledged.get() / sendSeconds, sendSeconds);
            System.out.printf(
                    "| time to the webhook answer p50 / p90 / p99 / max | %.1f / %.1f / %.1f / %.1f ms |%n",
                    pct(sorted, 0.50), pct(sorted, 0.90), pct(sorted, 0.99), sorted[n - 1] / 1e6);
            System.out.printf("| every payment posted (ledger) after | %.1f s |%n", (postedAt - start) / 1e9);
            System.out.printf(
                    "| every payment invoiced, pushed, mailed (DONE) after | %.1f s |%n", (invoicedAt - start) / 1e9);
            System.out.printf(
                    "| payments posted / distinct | %d / %d |%n",
                    count(q, "select count(*) from payments"),
                    count(q, "select count(distinct payment_intent_id) from payments"));
            System.out.printf(
                    "| journal entries unbalanced | %d |%n",
                    count(
                            q,
                            "select count(*) from (select entry_id"
                                    + " from journal_lines group by entry_id having sum(debit_cents) <> sum(credit_cents)) u"));
            System.out.printf(
                    "| outbox claims taken over / dead letters | %d / %d |%n",
                    count(q, "select count(*) from payments where claim_count > 1"),
                    count(q, "select count(*) from fel_dead_letters"));
        }
    }

    /** Creates {@code n} monthly subscriptions in the emulator and renews each once; returns the renewal events. */
    static List<byte[]> renewals(RecurrenteSandbox sandbox, int n) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Set<String> renewalIds = new HashSet<>();
        for (int i = 0; i < n; i++) {
            String json = "{\"items\":[{\"name\":\"Club del Café (mensual)\",\"amount_in_cents\":9900,"
                    + "\"currency\":\"GTQ\",\"quantity\":1,\"charge_type\":\"recurring\","
                    + "\"billing_interval\":\"month\",\"billing_interval_count\":1}]}";
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/checkouts"))
                            .header("X-PUBLIC-KEY", sandbox.defaultAccount().publicKey())
                            .header("X-SECRET-KEY", sandbox.defaultAccount().secretKey())
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(json))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            String checkout = r.body().replaceAll("(?s).*?\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
            sandbox.payCheckout(
                    checkout,
                    new PaymentOptions(
                            PaymentOptions.SUCCESS_CARD,
                            "1234567-" + (i % 10),
                            "Cliente " + i,
                            "cliente" + i + "@example.com",
                            "Cliente " + i));
            String subscription = (String) sandbox.checkout(checkout).get("subscription_id");
            renewalIds.add((String) sandbox.renewSubscription(subscription).get("id"));
        }
        List<byte[]> out = new ArrayList<>();
        for (WebhookEvent e : sandbox.events("payment_intent.succeeded")) {
            String id = e.body().replaceAll("(?s)^\\{\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
            if (renewalIds.contains(id)) {
                out.add(e.body().getBytes(StandardCharsets.UTF_8));
            }
        }
        if (out.size() != n) {
            throw new IllegalStateException("expected " + n + " renewal events, found " + out.size());
        }
        return out;
    }

    private static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    private static long count(Statement q, String sql) throws Exception {
        try (ResultSet rs = q.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void awaitHealthy(String url, Path log) throws Exception {
        HttpClient c = HttpClient.newHttpClient();
        for (int i = 0; i < 600; i++) {
            try {
                HttpResponse<String> r = c.send(
                        HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("node not healthy, see " + log);
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static int intArg(String[] args, String name, int def) {
        String v = strArg(args, name, null);
        return v == null ? def : Integer.parseInt(v);
    }

    private static String strArg(String[] args, String name, String def) {
        for (String a : args) {
            if (a.startsWith(name + "=")) {
                return a.substring(name.length() + 1);
            }
        }
        return def;
    }
}
