package io.github.camelrecurrente.bench;

import java.io.InputStream;
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
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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
 * runner jar) sharing one PostgreSQL ledger (embedded, from Maven artifacts, with {@code fsync} and
 * {@code synchronous_commit} on). Each sender signs its deliveries (Svix) and alternates between the nodes; a non-2xx
 * answer is sent again after 1 s (as the sender would, much later). {@code --warmup} (2 000) deliveries go first and
 * are awaited until invoiced, so the burst meets warm nodes with nothing in the background.
 * <p>
 * <b>The floor</b> (default; {@code --no-floor} skips it): before the real burst, in the same run, two nodes start
 * from the same runner jar with only the probe route {@code month-end-burst/floor-probe-route.yaml} (a resource of
 * this module: the same {@code recurrente:events} consumer, whose one step inserts the svix-id into
 * {@code burst_floor_probe}, a table the bench creates), receive the same warm-up and measured deliveries (ids of their
 * own) and stop. Their acknowledged rate is the most this machine can answer with a durable 2xx; the real run's
 * rate is read against it (goal ≥ 0.90×).
 * <p>
 * Prints: sustained acknowledged deliveries/s, p50/p90/p99/max time to the webhook answer, CPU per delivery of each
 * process, time until every payment is posted and until every payment is invoiced (certified, pushed as
 * tax_invoice_url, mailed), and the checks: each payment posted once, the journal balanced, no dead letter; then the
 * floor beside the real run, and a summary of every goal with its figure and verdict. The 2xx comes after the
 * delivery is committed to the nodes' durable inbox (docs/deployment.md). Not a test: nothing is asserted against a
 * time. {@code --ack-only} stops after the last 2xx; {@code --probe} with {@code --node-arg=...} measures other routes
 * that post nothing (no floor then); {@code --pg-statements} prints PostgreSQL's statement statistics.
 *
 * <pre>
 * java -cp camel-recurrente-bench/target/benchmarks.jar io.github.camelrecurrente.bench.MonthEndBurst \
 *      [--deliveries=10000] [--warmup=2000] [--senders=16] [--demo-jar=PATH] [--node-heap=512m]
 *      [--node-arg=-Dkey=value ...] [--floor | --no-floor] [--ack-only] [--probe] [--pg-statements]
 * </pre>
 */
public final class MonthEndBurst {

    /** The floor's probe route, a resource of this module, written to the work directory for the probe nodes. */
    static final String FLOOR_ROUTE_RESOURCE = "/month-end-burst/floor-probe-route.yaml";

    /** The table the floor's probe route inserts into (created here over JDBC, before its nodes start). */
    static final String FLOOR_TABLE = "burst_floor_probe";

    /** Goal: the acknowledged rate at least this share of the floor's, measured in the same run. */
    static final double FLOOR_GOAL = 0.90;

    /** Goal: at least this many deliveries acknowledged per second. */
    static final double RATE_GOAL = 500;

    /** Goal: p99 time to the webhook answer under this many milliseconds. */
    static final double P99_GOAL_MS = 1000;

    private MonthEndBurst() {}

    public static void main(String[] args) throws Exception {
        List<String> flags = Arrays.asList(args);
        int deliveries = intArg(args, "--deliveries", 10_000);
        int warmup = intArg(args, "--warmup", 2_000);
        int senders = intArg(args, "--senders", 16);
        String heap = strArg(args, "--node-heap", "512m");
        boolean probe = flags.contains("--probe");
        if (flags.contains("--floor") && flags.contains("--no-floor")) {
            throw new IllegalArgumentException("--floor and --no-floor: choose one (the floor runs by default)");
        }
        if (flags.contains("--floor") && probe) {
            throw new IllegalArgumentException("--floor with --probe: a probe run measures other routes in place of the"
                    + " app's and has no floor; drop one of them");
        }
        // --probe measures other routes in place of the app's: a floor beside it would measure nothing new
        boolean floor = !probe && !flags.contains("--no-floor");
        BenchMain.Config cfg = new BenchMain.Config();
        cfg.demoJar = strArg(args, "--demo-jar", null);
        Path runner = StartupBench.findDemoJar(cfg);
        if (runner == null || !Files.isRegularFile(runner)) {
            throw new IllegalStateException("No examples runner jar: mvn -B -pl camel-recurrente-examples -am"
                    + " package -DskipTests builds it (or pass --demo-jar=PATH)");
        }
        Path work = Files.createTempDirectory("month-end-burst");
        System.err.printf(
                "Machine: %d cores, load average %.1f%n",
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage());
        System.err.printf(
                "Month-end burst: %d deliveries, %d senders, 2 nodes (%s), %s, work dir %s%n",
                deliveries, senders, runner.getFileName(), floor ? "floor first" : "no floor", work);
        // durable commits, as in production (the embedded server's defaults are fsync off, synchronous_commit off)
        boolean statements = flags.contains("--pg-statements");
        EmbeddedPostgres.Builder pgBuilder = EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "100")
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on");
        if (statements) {
            pgBuilder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
        }
        try (EmbeddedPostgres pg = pgBuilder.start();
                RecurrenteSandbox sandbox = RecurrenteSandbox.builder()
                        .port(0)
                        .journalCapacity(0)
                        .webhookHistory((warmup + deliveries) * 6 + 100)
                        .build()
                        .start();
                // INFILE for the nodes (fel.certifier=infile): the stand-in of the runner jar, in this JVM
                InvoicingBacklog.InfileStandInHandle infile = InvoicingBacklog.InfileStandInHandle.load(runner)) {
            String jdbcUrl = pg.getJdbcUrl("postgres", "postgres");
            if (statements) {
                try (Connection c = pg.getPostgresDatabase().getConnection();
                        Statement q = c.createStatement()) {
                    q.execute("create extension if not exists pg_stat_statements");
                }
            }
            List<byte[]> bodies = renewals(sandbox, warmup + deliveries);
            String secret = SvixSigner.newSecret();
            // the node JVM's options but the name, the cluster root and the routes: the same for the floor's nodes
            List<String> nodeOptions = NodeOptions.common(heap, jdbcUrl, sandbox, secret, 50, work);
            nodeOptions.addAll(infile.nodeOptions());
            // extra node JVM options: --node-arg=-Dkey=value (repeatable), e.g. to try a setting
            NodeOptions.addNodeArgs(nodeOptions, args);
            HttpClient client = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .executor(Executors.newFixedThreadPool(4, r -> {
                        Thread t = new Thread(r, "burst-http");
                        t.setDaemon(true);
                        return t;
                    }))
                    .build();
            Goals goals = new Goals();
            Measured floorRun = null;
            if (floor) {
                floorRun = floor(client, bodies, senders, secret, pg, warmup, runner, nodeOptions, work);
            }
            try (Nodes nodes = Nodes.start(runner, nodeOptions, List.of(), "", work)) {
                run(client, bodies, senders, secret, nodes, pg, warmup, floorRun, goals, args);
            }
            System.out.print(goals.summary());
            System.out.flush();
        }
    }

    /** What one burst of deliveries got back. */
    private record Burst(int acknowledged, int retried, long[] sortedAnswerNanos, long start, long lastAck) {

        double seconds() {
            return (lastAck - start) / 1e9;
        }

        double rate() {
            return acknowledged / seconds();
        }

        double p99() {
            return pct(sortedAnswerNanos, 0.99);
        }

        /** "p50 / p99 / max ms". */
        String answerTimes() {
            return String.format(
                    "%.1f / %.1f / %.1f ms",
                    pct(sortedAnswerNanos, 0.50), p99(), sortedAnswerNanos[sortedAnswerNanos.length - 1] / 1e6);
        }
    }

    /** A measured burst and the CPU of each process (bench, nodes, PostgreSQL) before it and at its last 2xx. */
    private record Measured(Burst burst, long[] cpuBefore, long[] cpuAcked, String note) {

        String cpuPerDelivery() {
            return perDelivery(cpuBefore, cpuAcked, burst.acknowledged());
        }
    }

    /**
     * Two node JVMs of the examples app from the runner jar (node-a, node-b; with a prefix for the floor's), each on
     * its own HTTP and management port, awaited until healthy; {@link #close()} stops them (SIGTERM, then after 60 s
     * SIGKILL).
     */
    record Nodes(List<Process> processes, List<String> urls) implements AutoCloseable {

        static Nodes start(Path runner, List<String> options, List<String> extra, String prefix, Path work)
                throws Exception {
            Nodes nodes = new Nodes(new ArrayList<>(), new ArrayList<>());
            try {
                for (String name : List.of(prefix + "node-a", prefix + "node-b")) {
                    int port = freePort();
                    int management = freePort();
                    List<String> cmd = new ArrayList<>();
                    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java")
                            .toString());
                    cmd.addAll(options);
                    cmd.addAll(List.of(
                            "-Dexamples.node-id=" + name,
                            "-Dexamples.cluster.root=" + work.resolve(prefix + "cluster"),
                            "-Dcamel.server.port=" + port,
                            "-Dcamel.management.port=" + management));
                    // after the --node-arg options: for the same key the last -D wins
                    cmd.addAll(extra);
                    cmd.addAll(List.of("-jar", runner.toString()));
                    nodes.processes.add(new ProcessBuilder(cmd)
                            .redirectErrorStream(true)
                            .redirectOutput(work.resolve(name + ".log").toFile())
                            .start());
                    nodes.urls.add("http://127.0.0.1:" + port + "/recurrente/events");
                    awaitHealthy("http://127.0.0.1:" + management + "/observe/health", work.resolve(name + ".log"));
                }
                return nodes;
            } catch (Exception e) {
                nodes.close();
                throw e;
            }
        }

        @Override
        public void close() throws InterruptedException {
            for (Process p : processes) {
                p.destroy();
            }
            for (Process p : processes) {
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        }
    }

    /**
     * The floor: two nodes from the same runner jar with only the probe route (the svix-id into
     * {@link #FLOOR_TABLE}, a fresh table), the same warm-up and measured deliveries under ids of their own
     * ({@code msg_floor_...}), then the nodes are stopped and PostgreSQL checkpoints, so that the real run starts as
     * it would without the floor.
     */
    private static Measured floor(
            HttpClient client,
            List<byte[]> bodies,
            int senders,
            String secret,
            EmbeddedPostgres pg,
            int warmup,
            Path runner,
            List<String> nodeOptions,
            Path work)
            throws Exception {
        Path route = work.resolve("floor-probe-route.yaml");
        try (InputStream in = MonthEndBurst.class.getResourceAsStream(FLOOR_ROUTE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the floor's probe route " + FLOOR_ROUTE_RESOURCE
                        + " is not on the class path: rebuild benchmarks.jar");
            }
            Files.copy(in, route);
        }
        try (Connection c = pg.getPostgresDatabase().getConnection();
                Statement q = c.createStatement()) {
            q.execute("drop table if exists " + FLOOR_TABLE);
            q.execute("create table " + FLOOR_TABLE + " (svix_id varchar(100) primary key)");
            System.err.printf("Floor: probe route %s into table %s%n", route, FLOOR_TABLE);
            Measured m;
            try (Nodes nodes = Nodes.start(
                    runner,
                    nodeOptions,
                    List.of("-Dcamel.main.routes-include-pattern=file:" + route.toAbsolutePath()),
                    "floor-",
                    work)) {
                checkFloorRoute(client, bodies.get(0), secret, nodes, q, work);
                q.execute("truncate table " + FLOOR_TABLE);
                if (warmup > 0) {
                    Burst w = send(client, bodies.subList(0, warmup), "msg_floor_", 0, senders, secret, nodes.urls());
                    System.err.printf(
                            "Floor warm-up: %d deliveries acknowledged in %.1f s (%.0f/s)%n",
                            w.acknowledged(), w.seconds(), w.rate());
                }
                List<byte[]> measured = bodies.subList(warmup, bodies.size());
                long[] before = cpu(nodes.processes(), pg.getPort());
                Burst b = send(client, measured, "msg_floor_", warmup, senders, secret, nodes.urls());
                long[] acked = cpu(nodes.processes(), pg.getPort());
                long rows = count(q, "select count(*) from " + FLOOR_TABLE);
                m = new Measured(b, before, acked, String.format("%d of %d rows inserted", rows, bodies.size()));
                System.err.printf(
                        "Floor: %d deliveries acknowledged in %.1f s (%.0f/s), p99 %.1f ms, %s; stopping its nodes%n",
                        b.acknowledged(), b.seconds(), b.rate(), b.p99(), m.note());
            }
            // the floor's inserts are flushed now, not during the real burst
            q.execute("checkpoint");
            return m;
        }
    }

    /**
     * One delivery to each floor node must be answered 2xx and land in the table: a probe route that cannot insert
     * (a renamed data source bean, a route file not loaded) fails here with its node's log, instead of the burst
     * re-sending every delivery for ever.
     */
    private static void checkFloorRoute(
            HttpClient client, byte[] body, String secret, Nodes nodes, Statement q, Path work) throws Exception {
        for (int i = 0; i < nodes.urls().size(); i++) {
            String id = "msg_floor_check_" + i;
            HttpResponse<String> r = client.send(
                    NodeOptions.signedDelivery(nodes.urls().get(i), id, body, secret),
                    HttpResponse.BodyHandlers.ofString());
            long rows = count(q, "select count(*) from " + FLOOR_TABLE + " where svix_id = '" + id + "'");
            if (r.statusCode() / 100 != 2 || rows != 1) {
                throw new IllegalStateException(String.format(
                        "the floor's probe route on floor-node-%s answered %d with %d row(s) in %s (expected a 2xx"
                                + " and 1 row): see %s (it inserts through the examples app's data source bean"
                                + " ledgerDataSource, bound in ExamplesConfiguration)",
                        i == 0 ? "a" : "b",
                        r.statusCode(),
                        rows,
                        FLOOR_TABLE,
                        work.resolve("floor-node-" + (i == 0 ? "a" : "b") + ".log")));
            }
        }
    }

    private static void run(
            HttpClient client,
            List<byte[]> bodies,
            int senders,
            String secret,
            Nodes nodes,
            EmbeddedPostgres pg,
            int warmup,
            Measured floor,
            Goals goals,
            String[] args)
            throws Exception {
        // --ack-only: stop after the measured burst is acknowledged (its posting and invoicing are not awaited);
        // --probe: other routes (--node-arg) that post nothing, so not even the warm-up is awaited
        boolean probe = Arrays.asList(args).contains("--probe");
        boolean ackOnly = probe || Arrays.asList(args).contains("--ack-only");
        List<String> urls = nodes.urls();
        try (Connection c = pg.getPostgresDatabase().getConnection();
                Statement q = c.createStatement()) {
            try (ResultSet rs =
                    q.executeQuery("select current_setting('fsync'), current_setting('synchronous_commit')")) {
                rs.next();
                System.err.printf("PostgreSQL: fsync %s, synchronous_commit %s%n", rs.getString(1), rs.getString(2));
            }
            if (warmup > 0) {
                // production nodes are warm at month end: the JIT has compiled the hot paths
                Burst w = send(client, bodies.subList(0, warmup), "msg_burst_", 0, senders, secret, urls);
                if (!probe) {
                    awaitDone(q, warmup, w.start());
                }
                System.err.printf(
                        "Warm-up: %d deliveries acknowledged in %.1f s (%.0f/s)%s%n",
                        w.acknowledged(), w.seconds(), w.rate(), probe ? "" : ", all invoiced");
            }
            List<byte[]> measured = bodies.subList(warmup, bodies.size());
            long[] cpuBefore = cpu(nodes.processes(), pg.getPort());
            Burst b = send(client, measured, "msg_burst_", warmup, senders, secret, urls);
            long[] cpuAcked = cpu(nodes.processes(), pg.getPort());
            Measured real = new Measured(b, cpuBefore, cpuAcked, "");
            long[] sorted = b.sortedAnswerNanos();
            int n = sorted.length;
            System.out.println();
            System.out.println("| month-end burst | value |");
            System.out.println("|---|---|");
            System.out.printf(
                    "| deliveries acknowledged (2xx) | %d of %d, %d answers in all, %d re-sent after a non-2xx |%n",
                    b.acknowledged(), measured.size(), n, b.retried());
            System.out.printf(
                    "| sustained rate (acknowledged / time to the last 2xx) | %.0f deliveries/s over %.1f s |%n",
                    b.rate(), b.seconds());
            System.out.printf(
                    "| time to the webhook answer p50 / p90 / p99 / max | %.1f / %.1f / %.1f / %.1f ms |%n",
                    pct(sorted, 0.50), pct(sorted, 0.90), pct(sorted, 0.99), sorted[n - 1] / 1e6);
            System.out.printf(
                    "| CPU per acknowledged delivery until the last 2xx: bench JVM (senders, emulator) / node-a /"
                            + " node-b / PostgreSQL | %s ms |%n",
                    real.cpuPerDelivery());
            System.out.flush();
            goals.add(
                    String.format("month-end burst: ≥ %.0f deliveries/s acknowledged", RATE_GOAL),
                    String.format("%.0f deliveries/s over %.1f s", b.rate(), b.seconds()),
                    b.rate() >= RATE_GOAL);
            goals.add(
                    String.format("month-end burst: p99 time to the webhook answer < %.0f ms", P99_GOAL_MS),
                    String.format("%.1f ms", b.p99()),
                    b.p99() < P99_GOAL_MS);
            String lostOrDoubled = "month-end burst: nothing lost or doubled (every delivery acknowledged, each"
                    + " payment posted once, journal balanced, no dead letter)";
            if (ackOnly) {
                goals.notMeasured(
                        lostOrDoubled,
                        String.format(
                                "%s: %d of %d acknowledged, posting not awaited",
                                probe ? "--probe" : "--ack-only", b.acknowledged(), measured.size()));
            } else {
                long[] times = awaitDone(q, bodies.size(), b.start());
                long payments = count(q, "select count(*) from payments");
                long distinct = count(q, "select count(distinct payment_intent_id) from payments");
                long unbalanced = count(
                        q,
                        "select count(*) from (select entry_id"
                                + " from journal_lines group by entry_id having sum(debit_cents) <> sum(credit_cents)) u");
                long takenOver = count(q, "select count(*) from payments where claim_count > 1");
                long deadLetters = count(q, "select count(*) from fel_dead_letters");
                System.out.printf("| every payment posted (ledger) after | %.1f s |%n", (times[0] - b.start()) / 1e9);
                System.out.printf(
                        "| every payment invoiced, pushed, mailed (DONE) after | %.1f s |%n",
                        (times[1] - b.start()) / 1e9);
                System.out.printf(
                        "| CPU per payment from the first delivery until DONE (same order) | %s ms |%n",
                        perDelivery(cpuBefore, cpu(nodes.processes(), pg.getPort()), measured.size()));
                System.out.printf("| payments posted / distinct | %d / %d |%n", payments, distinct);
                System.out.printf("| journal entries unbalanced | %d |%n", unbalanced);
                System.out.printf("| outbox claims taken over / dead letters | %d / %d |%n", takenOver, deadLetters);
                goals.add(
                        lostOrDoubled,
                        String.format(
                                "%d of %d acknowledged; %d payments posted, %d distinct, of %d; %d unbalanced;"
                                        + " %d dead letters",
                                b.acknowledged(),
                                measured.size(),
                                payments,
                                distinct,
                                bodies.size(),
                                unbalanced,
                                deadLetters),
                        b.acknowledged() == measured.size()
                                && payments == bodies.size()
                                && distinct == bodies.size()
                                && unbalanced == 0
                                && deadLetters == 0);
                if (Arrays.asList(args).contains("--pg-statements")) {
                    printStatements(q, bodies.size());
                }
            }
            printAgainstFloor(floor, real, measured.size(), warmup, goals, probe);
        }
    }

    /** The floor beside the real run, and the goal on their ratio. */
    private static void printAgainstFloor(
            Measured floor, Measured real, int measured, int warmup, Goals goals, boolean probe) {
        String goal = String.format(
                "month-end burst: acknowledged rate ≥ %.2f× the insert-only floor's, same run", FLOOR_GOAL);
        if (floor == null) {
            goals.notMeasured(goal, probe ? "--probe (no floor run)" : "--no-floor");
            return;
        }
        double ratio = real.burst().rate() / floor.burst().rate();
        System.out.println();
        System.out.printf(
                "| same run, same %d deliveries after %d warm-up | acknowledged deliveries/s | time to the answer"
                        + " p50 / p99 / max | CPU per delivery: bench / node-a / node-b / PostgreSQL |%n",
                measured, warmup);
        System.out.println("|---|---:|---|---|");
        System.out.printf(
                "| floor: probe route that only inserts the svix-id (%s) | %.0f over %.1f s | %s | %s ms |%n",
                floor.note(),
                floor.burst().rate(),
                floor.burst().seconds(),
                floor.burst().answerTimes(),
                floor.cpuPerDelivery());
        System.out.printf(
                "| examples app (durable inbox) | %.0f over %.1f s | %s | %s ms |%n",
                real.burst().rate(), real.burst().seconds(), real.burst().answerTimes(), real.cpuPerDelivery());
        String figure = String.format(
                "%s (%.0f / %.0f deliveries/s)",
                Stats.ratio(ratio), real.burst().rate(), floor.burst().rate());
        System.out.printf(
                "%nGoal acknowledged rate ≥ %.2f× the floor's (same run): %s %s.%n",
                FLOOR_GOAL, figure, goals.add(goal, figure, ratio >= FLOOR_GOAL));
        System.out.flush();
    }

    /** --pg-statements: the statements that took the most PostgreSQL time, per payment. */
    private static void printStatements(Statement q, int payments) throws Exception {
        System.out.println();
        System.out.println("| statement | calls per payment | ms per payment | mean ms |");
        System.out.println("|---|---|---|---|");
        try (ResultSet rs = q.executeQuery("select query, calls, total_exec_time, mean_exec_time"
                + " from pg_stat_statements order by total_exec_time desc limit 20")) {
            while (rs.next()) {
                System.out.printf(
                        "| %s | %.2f | %.3f | %.3f |%n",
                        rs.getString(1).replaceAll("\\s+", " ").replace("|", "/"),
                        rs.getLong(2) / (double) payments,
                        rs.getDouble(3) / payments,
                        rs.getDouble(4));
            }
        }
    }

    /** Waits until {@code total} payments are DONE; returns when all were posted and when all were DONE. */
    private static long[] awaitDone(Statement q, int total, long start) throws Exception {
        long postedAt = 0;
        while (true) {
            long posted = count(q, "select count(*) from payments");
            long invoiced = count(q, "select count(*) from payments where invoice_status = 'DONE'");
            if (postedAt == 0 && posted >= total) {
                postedAt = System.nanoTime();
            }
            if (invoiced >= total) {
                return new long[] {postedAt == 0 ? System.nanoTime() : postedAt, System.nanoTime()};
            }
            if (System.nanoTime() - start > Duration.ofMinutes(40).toNanos()) {
                throw new IllegalStateException(
                        "not done after 40 minutes: " + posted + " posted, " + invoiced + " invoiced");
            }
            Thread.sleep(200);
        }
    }

    /**
     * Sends every body from {@code senders} threads, each alternating between the nodes; a non-2xx answer is sent
     * again after 1 s. Delivery ids are {@code <idPrefix><offset + index>}.
     */
    private static Burst send(
            HttpClient client,
            List<byte[]> bodies,
            String idPrefix,
            int offset,
            int senders,
            String secret,
            List<String> urls)
            throws InterruptedException {
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
                                String id = idPrefix + (offset + i);
                                HttpRequest req = NodeOptions.signedDelivery(
                                        urls.get((sender + n++) % urls.size()), id, body, secret);
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
        done.await();
        int n = Math.min(answers.get(), answerNanos.length);
        long[] sorted = Arrays.copyOf(answerNanos, n);
        Arrays.sort(sorted);
        return new Burst(acknowledged.get(), retried.get(), sorted, start, lastAck.get());
    }

    /** Creates {@code n} monthly subscriptions in the emulator and renews each once; returns the renewal events. */
    static List<byte[]> renewals(RecurrenteSandbox sandbox, int n) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Set<String> renewalIds = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.ExecutorService pool = Executors.newFixedThreadPool(4);
        List<java.util.concurrent.Future<?>> work = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            int i = k;
            work.add(pool.submit(() -> {
                renewalIds.add(renewal(sandbox, http, i));
                return null;
            }));
        }
        for (java.util.concurrent.Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
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

    /** One monthly subscription paid and renewed: returns the renewal's payment intent id. */
    private static String renewal(RecurrenteSandbox sandbox, HttpClient http, int i) throws Exception {
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
                        InvoicingBacklog.nit(1_000_000 + i),
                        "Cliente " + i,
                        "cliente" + i + "@example.com",
                        "Cliente " + i));
        String subscription = (String) sandbox.checkout(checkout).get("subscription_id");
        return (String) sandbox.renewSubscription(subscription).get("id");
    }

    /** CPU nanoseconds so far: this JVM, each node JVM, then PostgreSQL (its postmaster and backends). */
    static long[] cpu(List<Process> nodes, int pgPort) {
        long[] out = new long[nodes.size() + 2];
        out[0] = cpuNanos(ProcessHandle.current());
        for (int i = 0; i < nodes.size(); i++) {
            out[i + 1] = cpuNanos(nodes.get(i).toHandle());
        }
        out[out.length - 1] = ProcessHandle.allProcesses()
                .filter(h -> h.info()
                        .commandLine()
                        .map(c -> c.contains("postgres") && c.contains("-p " + pgPort))
                        .orElse(false))
                .flatMap(h -> java.util.stream.Stream.concat(java.util.stream.Stream.of(h), h.descendants()))
                .mapToLong(MonthEndBurst::cpuNanos)
                .sum();
        return out;
    }

    private static long cpuNanos(ProcessHandle h) {
        return h.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    static String perDelivery(long[] before, long[] after, int n) {
        StringBuilder sb = new StringBuilder();
        long total = 0;
        for (int i = 0; i < before.length; i++) {
            long d = after[i] - before[i];
            total += d;
            sb.append(i == 0 ? "" : " / ").append(String.format("%.2f", d / 1e6 / n));
        }
        return sb.append(String.format(" (total %.2f)", total / 1e6 / n)).toString();
    }

    private static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    static long count(Statement q, String sql) throws Exception {
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

    static int intArg(String[] args, String name, int def) {
        String v = strArg(args, name, null);
        return v == null ? def : Integer.parseInt(v);
    }

    static String strArg(String[] args, String name, String def) {
        for (String a : args) {
            if (a.startsWith(name + "=")) {
                return a.substring(name.length() + 1);
            }
        }
        return def;
    }
}
