package io.github.camelrecurrente.bench;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.camelrecurrente.sandbox.PaymentOptions;
import io.github.camelrecurrente.sandbox.RecurrenteSandbox;
import io.github.camelrecurrente.sandbox.testing.SvixSigner;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Invoicing backlog (issue #20, item 8): a backlog of {@code --payments} (2 000) paid card payments, PENDING in the
 * ledger of two nodes of the examples app (two JVMs from its runner jar, {@link MonthEndBurst.Nodes}) on one
 * embedded PostgreSQL ({@code fsync} and {@code synchronous_commit} on), certified through INFILE (the INFILE
 * stand-in of the runner jar, loaded in this JVM, answering each request after {@code --latency-ms}, 300), the PDF
 * pushed as {@code tax_invoice_url} to the emulator and the receipt mailed (each node's SMTP stand-in).
 * <p>
 * The backlog is written in one transaction while both nodes are up and idle (after a warm-up backlog of
 * {@code --warmup} payments, so the JIT has compiled the hot paths), so both see all of it at their next poll; the
 * clock runs from that commit until every payment is DONE. Each node caps its INFILE requests at
 * {@code --requests-per-second} (40) and {@code --concurrent-requests} (25), so INFILE may see at most twice that:
 * the stand-in's arrivals are checked against it ({@code maxRequestsWithin(1 s)}). First, in the same run, the
 * same code one payment at a time ({@code fel.infile.concurrent-requests=1}: one thread per node works on the claimed
 * batch, as the outbox did before) on {@code --baseline} (150) payments, for the CPU per payment beside it.
 * <p>
 * With {@code --old-jar=PATH} (a runner jar built from the code before issue #20), the same backlog
 * ({@code --old-payments}, 500) goes through that outbox too, in the same run: its nodes certify with the invented JSON
 * certifier they start themselves (no latency), one payment at a time; its CPU per payment is printed beside.
 * <p>
 * Prints payments/s, the cap check, CPU per invoiced payment of each process, and the checks (each payment certified
 * once by identificador, pushed, mailed, no dead letter), then the goal summary. Not a test: nothing is asserted
 * against a time.
 *
 * <pre>
 * java -cp camel-recurrente-bench/target/benchmarks.jar io.github.camelrecurrente.bench.InvoicingBacklog \
 *      [--payments=2000] [--warmup=300] [--baseline=150] [--latency-ms=300] [--requests-per-second=40]
 *      [--concurrent-requests=25] [--batch-size=50] [--demo-jar=PATH] [--node-heap=512m] [--node-arg=-Dkey=value ...]
 *      [--old-jar=PATH --old-payments=500]
 * </pre>
 */
public final class InvoicingBacklog {

    /** Goal: at least this many payments certified, pushed and mailed per second. */
    static final double RATE_GOAL = 50;

    private InvoicingBacklog() {}

    public static void main(String[] args) throws Exception {
        int payments = MonthEndBurst.intArg(args, "--payments", 2_000);
        int warmup = MonthEndBurst.intArg(args, "--warmup", 300);
        int baseline = MonthEndBurst.intArg(args, "--baseline", 150);
        int latencyMs = MonthEndBurst.intArg(args, "--latency-ms", 300);
        int perSecond = MonthEndBurst.intArg(args, "--requests-per-second", 40);
        int concurrent = MonthEndBurst.intArg(args, "--concurrent-requests", 25);
        int batch = MonthEndBurst.intArg(args, "--batch-size", 50);
        String oldJar = MonthEndBurst.strArg(args, "--old-jar", null);
        int oldPayments = MonthEndBurst.intArg(args, "--old-payments", 500);
        String heap = MonthEndBurst.strArg(args, "--node-heap", "512m");
        BenchMain.Config cfg = new BenchMain.Config();
        cfg.demoJar = MonthEndBurst.strArg(args, "--demo-jar", null);
        Path runner = StartupBench.findDemoJar(cfg);
        if (runner == null || !Files.isRegularFile(runner)) {
            throw new IllegalStateException("No examples runner jar: mvn -B -pl camel-recurrente-examples -am"
                    + " package -DskipTests builds it (or pass --demo-jar=PATH)");
        }
        Path work = Files.createTempDirectory("invoicing-backlog");
        System.err.printf(
                "Machine: %d cores, load average %.1f; invoicing backlog: %d payments (warm-up %d, baseline %d),"
                        + " INFILE latency %d ms, per node %d requests/s and %d at a time, batches of %d; work dir %s%n",
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage(),
                payments,
                warmup,
                baseline,
                latencyMs,
                perSecond,
                concurrent,
                batch,
                work);
        Goals goals = new Goals();
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "100")
                        .setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .start();
                RecurrenteSandbox sandbox = RecurrenteSandbox.builder()
                        .port(0)
                        .journalCapacity(0)
                        .build()
                        .start();
                InfileStandInHandle infile = InfileStandInHandle.load(runner)) {
            infile.setLatency(Duration.ofMillis(latencyMs));
            int baselineWarmup = baseline > 0 ? Math.min(50, warmup) : 0;
            int oldWarmup = oldJar == null ? 0 : Math.min(100, warmup);
            List<String> ids = paidIntents(
                    sandbox,
                    baselineWarmup + baseline + warmup + payments + (oldJar == null ? 0 : oldWarmup + oldPayments));
            String jdbcUrl = pg.getJdbcUrl("postgres", "postgres");
            List<String> options = NodeOptions.common(heap, jdbcUrl, sandbox, SvixSigner.newSecret(), batch, work);
            options.add("-Dfel.infile.requests-per-second=" + perSecond);
            options.add("-Dexamples.ops.enabled=false");
            options.addAll(infile.nodeOptions());
            NodeOptions.addNodeArgs(options, args);
            int next = 0;
            Phase before = null;
            if (oldJar != null) {
                // the outbox as it was before issue #20 (an older runner jar): its nodes start their own invented
                // certifier (no fel.* options, no latency) and SMTP stand-in, one payment at a time. First: its
                // Flyway must not meet the newer migrations (V20) the other phases' nodes apply
                List<String> oldOptions = new ArrayList<>();
                for (String o : options) {
                    if (!o.startsWith("-Dfel.certifier")
                            && !o.startsWith("-Dfel.infile.")
                            && !o.startsWith("-Dfel.emisor.")
                            && !o.startsWith("-Dmail.smtp")) {
                        oldOptions.add(o);
                    }
                }
                before = phase(
                        "the outbox before issue #20 (" + Path.of(oldJar).getFileName() + ", invented certifier, no"
                                + " latency)",
                        Path.of(oldJar),
                        oldOptions,
                        work,
                        pg,
                        null,
                        sandbox,
                        ids.subList(next, next + oldWarmup),
                        ids.subList(next + oldWarmup, next + oldWarmup + oldPayments),
                        "old-");
                next += oldWarmup + oldPayments;
            }
            Phase one = null;
            if (baseline > 0) {
                List<String> sequential = new ArrayList<>(options);
                sequential.add("-Dfel.infile.concurrent-requests=1");
                one = phase(
                        "one payment at a time (fel.infile.concurrent-requests=1)",
                        runner,
                        sequential,
                        work,
                        pg,
                        infile,
                        sandbox,
                        ids.subList(next, next + baselineWarmup),
                        ids.subList(next + baselineWarmup, next + baselineWarmup + baseline),
                        "baseline-");
                next += baselineWarmup + baseline;
            }
            List<String> parallel = new ArrayList<>(options);
            parallel.add("-Dfel.infile.concurrent-requests=" + concurrent);
            Phase all = phase(
                    "a claimed batch at once (fel.infile.concurrent-requests=" + concurrent + ")",
                    runner,
                    parallel,
                    work,
                    pg,
                    infile,
                    sandbox,
                    ids.subList(next, next + warmup),
                    ids.subList(next + warmup, next + warmup + payments),
                    "");
            int cap = 2 * perSecond;
            int seen = infile.maxRequestsWithin(Duration.ofSeconds(1));
            System.out.println();
            System.out.printf(
                    "| invoicing backlog, 2 nodes, PostgreSQL (fsync on), INFILE stand-in answering after %d ms |"
                            + " payments | payments/s | CPU ms per invoiced payment: bench JVM (INFILE stand-in,"
                            + " emulator) / node-a / node-b / PostgreSQL |%n",
                    latencyMs);
            System.out.println("|---|---:|---:|---|");
            if (before != null) {
                System.out.println(before.row());
            }
            if (one != null) {
                System.out.println(one.row());
            }
            System.out.println(all.row());
            System.out.println();
            System.out.println("| check | value |");
            System.out.println("|---|---|");
            System.out.printf(
                    "| INFILE requests in any 1 s window (stand-in's arrivals, whole run) | at most %d; cap %d"
                            + " (%d per node × 2) -> %s |%n",
                    seen, cap, perSecond, seen <= cap ? "respected" : "EXCEEDED");
            System.out.printf(
                    "| INFILE requests at once (stand-in) | at most %d; cap %d (%d per node × 2) |%n",
                    infile.maxConcurrentRequests(), 2 * concurrent, concurrent);
            System.out.printf(
                    "| %s | %s |%n", "each payment certified once, pushed, mailed; no dead letter", all.checks);
            System.out.flush();
            goals.add(
                    String.format(
                            "invoicing backlog: ≥ %.0f payments/s certified, pushed and mailed (INFILE at %d ms)",
                            RATE_GOAL, latencyMs),
                    String.format("%.1f payments/s over %.1f s", all.rate(), all.seconds),
                    all.rate() >= RATE_GOAL);
            goals.add(
                    "invoicing backlog: the requests-per-second cap respected (stand-in's arrivals in any 1 s)",
                    String.format("at most %d in 1 s, cap %d", seen, cap),
                    seen <= cap);
            goals.add(
                    "invoicing backlog: each payment certified once, pushed, mailed, no dead letter",
                    all.checks,
                    all.ok);
            if (one != null) {
                double ratio = all.cpuTotalPerPayment() / one.cpuTotalPerPayment();
                goals.add(
                        "invoicing backlog: CPU per invoiced payment at most half the one-at-a-time outbox's (same run)",
                        String.format(
                                "%.2f vs %.2f ms (%s)",
                                all.cpuTotalPerPayment(), one.cpuTotalPerPayment(), Stats.ratio(ratio)),
                        ratio <= 0.5);
            }
            if (before != null) {
                double ratio = all.cpuTotalPerPayment() / before.cpuTotalPerPayment();
                goals.add(
                        "invoicing backlog: CPU per invoiced payment beside the outbox before issue #20 (same run; it"
                                + " certified with an invented JSON API)",
                        String.format(
                                "%.2f vs %.2f ms (%s)",
                                all.cpuTotalPerPayment(), before.cpuTotalPerPayment(), Stats.ratio(ratio)),
                        ratio <= 0.5);
            }
            System.out.print(goals.summary());
            System.out.flush();
        }
    }

    /** One configuration's measured backlog. */
    private record Phase(
            String name, int payments, double seconds, long[] cpuBefore, long[] cpuAfter, boolean ok, String checks) {

        double rate() {
            return payments / seconds;
        }

        double cpuTotalPerPayment() {
            long total = 0;
            for (int i = 0; i < cpuBefore.length; i++) {
                total += cpuAfter[i] - cpuBefore[i];
            }
            return total / 1e6 / payments;
        }

        String row() {
            return String.format(
                    "| %s | %d | %.1f over %.1f s | %s |",
                    name, payments, rate(), seconds, MonthEndBurst.perDelivery(cpuBefore, cpuAfter, payments));
        }
    }

    /**
     * Two nodes with these options: the warm-up backlog awaited, then the measured one written in one transaction and
     * timed until every payment is DONE; then the checks, and the nodes stopped.
     */
    private static Phase phase(
            String name,
            Path runner,
            List<String> options,
            Path work,
            EmbeddedPostgres pg,
            InfileStandInHandle infile,
            RecurrenteSandbox sandbox,
            List<String> warm,
            List<String> measured,
            String prefix)
            throws Exception {
        try (MonthEndBurst.Nodes nodes = MonthEndBurst.Nodes.start(runner, options, List.of(), prefix, work);
                Connection c = pg.getPostgresDatabase().getConnection();
                Statement q = c.createStatement()) {
            if (!warm.isEmpty()) {
                long w0 = insertBacklog(c, warm, sandbox);
                awaitDone(q, warm, w0, work);
                System.err.printf(
                        "%s: warm-up of %d payments done in %.1f s%n",
                        name, warm.size(), (System.nanoTime() - w0) / 1e9);
            }
            long[] before = MonthEndBurst.cpu(nodes.processes(), pg.getPort());
            long t0 = insertBacklog(c, measured, sandbox);
            long t1 = awaitDone(q, measured, t0, work);
            long[] after = MonthEndBurst.cpu(nodes.processes(), pg.getPort());
            double seconds = (t1 - t0) / 1e9;
            System.err.printf(
                    "%s: %d payments DONE in %.1f s (%.1f/s)%n",
                    name, measured.size(), seconds, measured.size() / seconds);
            // the checks: certified once by identificador, pushed (the emulator's payment intent), mailed, no dead
            // letter
            int certifiedTwice = 0;
            int notPushed = 0;
            Map<String, String> urls = new LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement(
                    "select payment_intent_id, invoice_url from payments where payment_intent_id = any(?)")) {
                s.setArray(1, c.createArrayOf("varchar", measured.toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        urls.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            for (String id : measured) {
                // the old outbox's certifier is in its nodes: there, one invoice URL per payment is the check
                if (infile != null ? infile.certificationRequests("FACT-" + id) != 1 : urls.get(id) == null) {
                    certifiedTwice++;
                }
                Object pushed = sandbox.paymentIntent(id).get("tax_invoice_url");
                if (pushed == null || !pushed.equals(urls.get(id))) {
                    notPushed++;
                }
            }
            long receipts = MonthEndBurst.count(
                    q,
                    "select count(*) from email_log where kind = 'RECEIPT' and reference_id in (" + in(measured) + ")");
            long dead = MonthEndBurst.count(q, "select count(*) from fel_dead_letters");
            boolean ok = certifiedTwice == 0 && notPushed == 0 && receipts == measured.size() && dead == 0;
            String checks = String.format(
                    "%d of %d certified other than once, %d not pushed, %d receipts, %d dead letters",
                    certifiedTwice, measured.size(), notPushed, receipts, dead);
            System.err.printf("%s: %s%n", name, checks);
            return new Phase(name, measured.size(), seconds, before, after, ok, checks);
        }
    }

    private static String in(List<String> ids) {
        StringBuilder b = new StringBuilder();
        for (String id : ids) {
            b.append(b.length() == 0 ? "'" : ",'").append(id).append('\'');
        }
        return b.toString();
    }

    /**
     * The payments as the ledger posts a paid card payment (amount, fee and IVA withheld as the emulator has them, as
     * the event carries them), PENDING, in one transaction.
     *
     * @return when it was committed
     */
    private static long insertBacklog(Connection c, List<String> ids, RecurrenteSandbox sandbox) throws Exception {
        c.setAutoCommit(false);
        try (PreparedStatement p = c.prepareStatement("insert into payments (payment_intent_id, payment_kind,"
                + " event_type, customer_email, customer_name, currency, gross_cents, fee_cents, vat_withheld_cents,"
                + " net_cents, tax_id, tax_name, invoice_status, fee_source) values (?, 'card',"
                + " 'payment_intent.succeeded', ?, ?, 'GTQ', ?, ?, ?, ?, ?, ?, 'PENDING', 'EVENT')")) {
            int i = 0;
            for (String id : ids) {
                Map<String, Object> intent = sandbox.paymentIntent(id);
                long gross = ((Number) intent.get("amount_in_cents")).longValue();
                long fee = ((Number) intent.get("fee")).longValue();
                long vat = ((Number) intent.get("vat_withheld")).longValue();
                p.setString(1, id);
                p.setString(2, "cliente" + i + "@example.com");
                p.setString(3, "Cliente " + i);
                p.setLong(4, gross);
                p.setLong(5, fee);
                p.setLong(6, vat);
                p.setLong(7, gross - fee - vat);
                // every other buyer gives a NIT (check digit valid), the rest are CF (all below Q2,500.00)
                String nit = i % 2 == 0 ? "CF" : nit(1_000_000 + i);
                p.setString(8, nit);
                p.setString(9, i % 2 == 0 ? "CF" : "Cliente " + i + ", S.A.");
                p.addBatch();
                i++;
            }
            p.executeBatch();
            c.commit();
            // the backlog exists from here on: the clock starts
            return System.nanoTime();
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** A NIT with SAT's check digit (modulo 11, K for 10). */
    static String nit(long body) {
        String digits = Long.toString(body);
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            sum += (digits.charAt(i) - '0') * (digits.length() + 1 - i);
        }
        int check = (11 - sum % 11) % 11;
        return digits + "-" + (check == 10 ? "K" : Integer.toString(check));
    }

    /** Waits until these payments are DONE; returns when. Stops at the first dead letter (names the node logs). */
    private static long awaitDone(Statement q, List<String> ids, long start, Path work) throws Exception {
        String inList = in(ids);
        while (true) {
            long done = MonthEndBurst.count(
                    q,
                    "select count(*) from payments where invoice_status = 'DONE' and payment_intent_id in (" + inList
                            + ")");
            if (done >= ids.size()) {
                return System.nanoTime();
            }
            if (MonthEndBurst.count(q, "select count(*) from fel_dead_letters") > 0) {
                throw new IllegalStateException("a payment went to the FEL dead letters: see the node logs in " + work);
            }
            if (System.nanoTime() - start > Duration.ofMinutes(30).toNanos()) {
                throw new IllegalStateException("not done after 30 minutes: " + done + " of " + ids.size());
            }
            Thread.sleep(100);
        }
    }

    /** Paid card payment intents at the emulator (so that the nodes' PATCH finds them), four at a time. */
    private static List<String> paidIntents(RecurrenteSandbox sandbox, int n) throws Exception {
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> work = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            int i = k;
            work.add(pool.submit(() -> {
                String checkout = sandbox.createCheckout(9900 + (i % 50) * 100, "GTQ");
                ids.add((String)
                        sandbox.payCheckout(checkout, PaymentOptions.defaults()).get("id"));
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        List<String> sorted = new ArrayList<>(ids);
        Collections.sort(sorted);
        return sorted;
    }

    /**
     * The INFILE stand-in of the examples runner jar, loaded in this JVM (the bench does not depend on the examples
     * module), driven by reflection: its latency, the properties that point the nodes at it as INFILE, and its counts.
     */
    static final class InfileStandInHandle implements AutoCloseable {

        private final URLClassLoader loader;
        private final Object standIn;
        private final Class<?> type;

        private InfileStandInHandle(URLClassLoader loader, Object standIn, Class<?> type) {
            this.loader = loader;
            this.standIn = standIn;
            this.type = type;
        }

        static InfileStandInHandle load(Path runner) throws Exception {
            System.setProperty("sun.net.httpserver.nodelay", "true");
            URLClassLoader loader =
                    new URLClassLoader(new URL[] {runner.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
            Class<?> type = loader.loadClass("io.github.camelrecurrente.examples.standins.infile.InfileStandIn");
            Object builder = type.getMethod("builder").invoke(null);
            Object standIn = builder.getClass().getMethod("start").invoke(builder);
            return new InfileStandInHandle(loader, standIn, type);
        }

        void setLatency(Duration latency) throws Exception {
            type.getMethod("setLatency", Duration.class).invoke(standIn, latency);
        }

        /** The nodes' options: INFILE is this stand-in ({@code fel.certifier=infile}), and the emitter. */
        List<String> nodeOptions() throws Exception {
            List<String> out = new ArrayList<>();
            out.add("-Dfel.certifier=infile");
            @SuppressWarnings("unchecked")
            Map<String, String> client =
                    (Map<String, String>) type.getMethod("clientProperties").invoke(standIn);
            client.forEach((k, v) -> out.add("-D" + k + "=" + v));
            out.addAll(List.of(
                    "-Dfel.emisor.nit=12345679",
                    "-Dfel.emisor.nombre=MI TIENDA, SOCIEDAD ANONIMA",
                    "-Dfel.emisor.nombre-comercial=Mi Tienda",
                    "-Dfel.emisor.establecimiento=1",
                    "-Dfel.emisor.afiliacion-iva=GEN",
                    "-Dfel.emisor.direccion=4a Avenida 1-23 Zona 10",
                    "-Dfel.emisor.codigo-postal=01010",
                    "-Dfel.emisor.municipio=Guatemala",
                    "-Dfel.emisor.departamento=Guatemala",
                    "-Dfel.emisor.frases=1:1"));
            return out;
        }

        int certificationRequests(String identificador) throws Exception {
            return (Integer)
                    type.getMethod("certificationRequests", String.class).invoke(standIn, identificador);
        }

        int maxRequestsWithin(Duration window) throws Exception {
            return (Integer) type.getMethod("maxRequestsWithin", Duration.class).invoke(standIn, window);
        }

        int maxConcurrentRequests() throws Exception {
            return (Integer) type.getMethod("maxConcurrentRequests").invoke(standIn);
        }

        @Override
        public void close() throws Exception {
            type.getMethod("close").invoke(standIn);
            loader.close();
        }
    }
}
