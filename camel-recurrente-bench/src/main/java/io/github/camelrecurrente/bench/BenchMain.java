package io.github.camelrecurrente.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.github.camelrecurrente.sandbox.RecurrenteSandbox;

/**
 * The benchmark program of issue #7. One process, loopback only, bounded in time (about 6 minutes with the
 * defaults). Prints Markdown tables with medians and ratios.
 *
 * <pre>
 * java -jar camel-recurrente-bench/target/benchmarks.jar [options]
 *   --sections=producer,webhook,paging,startup   what to run (default: all)
 *   --servers=fixed,sandbox                      producer servers (default: both)
 *   --rounds=5 --seconds=0.8 --warmup=1.5          interleaved rounds, seconds per measurement, warm-up seconds
 *   --callers=8                                  concurrent callers / connections
 *   --demo-jar=PATH                              the examples runner jar (default: looked up under camel-recurrente-examples)
 *   --no-wrk                                     skip the optional wrk cross-check
 *   --out=FILE                                   also write the report to FILE
 *   --quick                                      smoke test: 1 round, short measurements
 *   --same-jvm                                   webhook section in this JVM after the producer one (default: a fresh JVM)
 * </pre>
 *
 * The report ends with a summary of every goal verdict the sections printed ({@link Goals}), one line each.
 */
public final class BenchMain {

    static {
        // must be set before the JDK HttpServer classes initialise: without it every answer waits ~40 ms (Nagle)
        System.setProperty("sun.net.httpserver.nodelay", "true");
        // keep idle keep-alive connections open between rounds (default 30 s): otherwise the JDK client, which does
        // not retry a POST, sometimes reuses a connection the server has just closed
        System.setProperty("sun.net.httpserver.idleInterval", "3600");
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
    }

    /** Options. */
    static final class Config {
        Set<String> sections = new LinkedHashSet<>(List.of("producer", "webhook", "paging", "startup"));
        Set<String> servers = new LinkedHashSet<>(List.of("fixed", "sandbox"));
        int rounds = 5;
        double seconds = 0.8;
        double warmupSeconds = 1.5;
        int callers = 8;
        String demoJar;
        boolean wrk = true;
        String out;
        int startupRuns = 10;
        int pagingCheckouts = 100_000;
        String solo;
        /** Run the webhook section in this JVM even after the producer section (default: a fresh child JVM). */
        boolean sameJvm;
        /** Internal: this JVM is the child running one section; print just its text after {@link #SECTION_MARK}. */
        String childSection;
        /** The goal verdicts of the sections run so far, for the summary at the end of the report. */
        final Goals goals = new Goals();
    }

    /** Separates a child JVM's progress output from the section text it hands back on standard output. */
    private static final String SECTION_MARK = "=====SECTION=====";

    /** Separates a child JVM's section text from its goal verdicts ({@link Goals#encode()}). */
    private static final String GOALS_MARK = "=====GOALS=====";

    private static final long T0 = System.nanoTime();

    private BenchMain() {}

    static void log(String fmt, Object... args) {
        System.err.printf("[bench %6.1fs] %s%n", (System.nanoTime() - T0) / 1e9, String.format(fmt, args));
    }

    public static void main(String[] args) throws Exception {
        Config cfg = parse(args);
        if ("webhook".equals(cfg.childSection)) {
            String text = new WebhookBench(cfg).run();
            System.out.println(SECTION_MARK);
            System.out.print(text);
            System.out.println();
            System.out.println(GOALS_MARK);
            System.out.print(cfg.goals.encode());
            System.out.flush();
            System.exit(0);
        }
        StringBuilder report = new StringBuilder();
        report.append("## Results (").append(Instant.now()).append(")\n\n");
        report.append(machine()).append('\n');

        if (cfg.sections.contains("producer")) {
            report.append("### 1. Producer: getCheckout / createCheckout\n");
            report.append(producer(cfg));
            flush(cfg, report);
        }
        if (cfg.sections.contains("webhook")) {
            report.append("\n### 2. Webhook ingest\n");
            boolean child = cfg.sections.contains("producer") && !cfg.sameJvm && cfg.solo == null;
            report.append(child ? inChildJvm("webhook", args, cfg.goals) : new WebhookBench(cfg).run());
            if (child) {
                report.append(String.format("%nMeasured in a fresh JVM (same jar, same JVM flags): after the producer"
                        + " section the JIT profiles and heap left by the six producer contenders tax every"
                        + " route here, the bare one least (`--same-jvm` to see it).%n"));
            } else if (cfg.sections.contains("producer")) {
                report.append(String.format("%nMeasured in the same JVM right after the producer section.%n"));
            }
            flush(cfg, report);
        }
        if (cfg.sections.contains("paging")) {
            report.append("\n### 3. Paging memory\n");
            report.append(PagingBench.run(cfg));
            flush(cfg, report);
        }
        if (cfg.sections.contains("startup")) {
            report.append("\n### 4. Startup\n");
            report.append(StartupBench.run(cfg));
            flush(cfg, report);
        }
        report.append(String.format(
                "%nLoad average at the end: %s; total run time %.0f s%n",
                loadAverage(), (System.nanoTime() - T0) / 1e9));
        // last, so that a short goal is the first thing read at the bottom of a long report
        report.append(cfg.goals.summary());
        System.out.println();
        System.out.println(report);
        flush(cfg, report);
        System.exit(0);
    }

    private static void flush(Config cfg, StringBuilder report) throws IOException {
        if (cfg.out != null) {
            Files.writeString(Path.of(cfg.out), report.toString(), StandardCharsets.UTF_8);
        }
    }

    private static String producer(Config cfg) throws Exception {
        StringBuilder sb = new StringBuilder();
        try (RecurrenteSandbox sandbox =
                RecurrenteSandbox.builder().journalCapacity(0).build().start()) {
            String key = RecurrenteSandbox.DEFAULT_SECRET_KEY;
            String checkoutId = sandbox.createCheckout(15000, "GTQ");
            sandbox.payCheckout(checkoutId); // a paid checkout: payment, payment method, latest intent (~1 KB)
            HttpClient http =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            byte[] getBody = http.send(
                            HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/checkouts/" + checkoutId))
                                    .header("X-SECRET-KEY", key)
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray())
                    .body();
            HttpResponse<byte[]> created = http.send(
                    HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/checkouts"))
                            .header("X-SECRET-KEY", key)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(
                                    Clients.MAPPER.writeValueAsBytes(ProducerBench.sampleRequest())))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (created.statusCode() != 201) {
                throw new IllegalStateException("sandbox create answered " + created.statusCode() + ": "
                        + new String(created.body(), StandardCharsets.UTF_8));
            }
            byte[] createBody = created.body();
            sb.append(String.format(
                    "%nPayloads: getCheckout answer %d bytes (a paid checkout as the sandbox renders it),"
                            + " createCheckout request %d bytes, answer %d bytes.%n",
                    getBody.length,
                    Clients.MAPPER.writeValueAsBytes(ProducerBench.sampleRequest()).length,
                    createBody.length));
            List<ProducerBench> benches = new ArrayList<>();
            if (cfg.solo != null && !cfg.solo.startsWith("webhook:")) { // client,op,threads,seconds vs the fixed server
                String[] p = cfg.solo.split(",");
                try (FixedCheckoutServer fixed = new FixedCheckoutServer(getBody, createBody, 4)) {
                    new ProducerBench(cfg, "fixed", fixed.baseUrl(), key, checkoutId, false)
                            .solo(p[0], p[1], Integer.parseInt(p[2]), Double.parseDouble(p[3]));
                }
                return "";
            }
            for (String server : cfg.servers) {
                if ("fixed".equals(server)) {
                    try (FixedCheckoutServer fixed = new FixedCheckoutServer(getBody, createBody, 4)) {
                        ProducerBench b = new ProducerBench(
                                cfg,
                                "fixed 1 KB JDK HttpServer (4 threads)",
                                fixed.baseUrl(),
                                key,
                                checkoutId,
                                !benches.isEmpty());
                        b.run();
                        benches.add(b);
                        sb.append(b.report());
                        sb.append(Wrk.serverCeiling(cfg, fixed.baseUrl() + "/checkouts/" + checkoutId, key));
                    }
                    sb.append(CamelOverhead.run(cfg, getBody));
                } else {
                    ProducerBench b = new ProducerBench(
                            cfg,
                            "sandbox (RecurrenteSandbox, journal off, " + "8 threads)",
                            sandbox.baseUrl(),
                            key,
                            checkoutId,
                            !benches.isEmpty());
                    b.run();
                    benches.add(b);
                    sb.append(b.report());
                    sb.append(Wrk.serverCeiling(cfg, sandbox.baseUrl() + "/checkouts/" + checkoutId, key));
                }
            }
        }
        return sb.toString();
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return String.format(
                    "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    static String machine() {
        StringBuilder sb = new StringBuilder();
        String cpu = "?";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).trim();
                    break;
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        long mem = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        sb.append(String.format(
                "Machine: %d CPUs (%s), %.1f GiB RAM, %s %s; Java %s (%s); max heap %d MB; "
                        + "load average at start: %s%n",
                Runtime.getRuntime().availableProcessors(),
                cpu,
                mem / (1024.0 * 1024 * 1024),
                System.getProperty("os.name"),
                System.getProperty("os.version"),
                System.getProperty("java.version"),
                System.getProperty("java.vm.name"),
                Runtime.getRuntime().maxMemory() / (1024 * 1024),
                loadAverage()));
        sb.append(String.format(
                "JVM flags: %s%n", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        return sb.toString();
    }

    /**
     * Runs one section in a child JVM with this JVM's flags (but no JFR recording or debug agent) and options (minus
     * {@code --sections}/{@code --out}) and returns the text it prints after {@link #SECTION_MARK}; the goal verdicts
     * it prints after {@link #GOALS_MARK} go into {@code goals}; its progress goes to this process's standard error.
     */
    private static String inChildJvm(String section, String[] args, Goals goals)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaBin());
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            // a recording or a debug agent of this JVM would clash with the child's (same file, same port)
            if (!arg.startsWith("-XX:StartFlightRecording") && !arg.startsWith("-agentlib:jdwp")) {
                cmd.add(arg);
            }
        }
        cmd.addAll(List.of("-cp", classPath(), BenchMain.class.getName()));
        for (String a : args) {
            if (!a.startsWith("--sections=") && !a.startsWith("--out=")) {
                cmd.add(a);
            }
        }
        cmd.add("--child-section=" + section);
        Process p = new ProcessBuilder(cmd)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int rc = p.waitFor();
        int at = out.indexOf(SECTION_MARK);
        int goalsAt = out.indexOf(GOALS_MARK, Math.max(at, 0));
        if (rc != 0 || at < 0 || goalsAt < 0) {
            throw new IllegalStateException("the " + section + " section's JVM failed (exit " + rc + "): " + out);
        }
        goals.addAll(Goals.decode(out.substring(goalsAt + GOALS_MARK.length())));
        // the child ends its section text with one line break of its own before the goals mark
        return out.substring(at + SECTION_MARK.length() + 1, goalsAt - 1);
    }

    /** The jar (or classes directory) this program runs from: the class path of the child JVMs. */
    static String classPath() {
        return System.getProperty("java.class.path");
    }

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Config parse(String[] args) {
        Config c = new Config();
        for (String a : args) {
            String[] kv = a.split("=", 2);
            String v = kv.length > 1 ? kv[1] : "";
            switch (kv[0]) {
                case "--sections" -> c.sections = new LinkedHashSet<>(List.of(v.split(",")));
                case "--servers" -> c.servers = new LinkedHashSet<>(List.of(v.split(",")));
                case "--rounds" -> c.rounds = Integer.parseInt(v);
                case "--seconds" -> c.seconds = Double.parseDouble(v);
                case "--warmup" -> c.warmupSeconds = Double.parseDouble(v);
                case "--callers" -> c.callers = Integer.parseInt(v);
                case "--demo-jar" -> c.demoJar = v;
                case "--no-wrk" -> c.wrk = false;
                case "--out" -> c.out = v;
                case "--startup-runs" -> c.startupRuns = Integer.parseInt(v);
                case "--paging-checkouts" -> c.pagingCheckouts = Integer.parseInt(v);
                case "--solo" -> c.solo = v;
                case "--same-jvm" -> c.sameJvm = true;
                case "--child-section" -> c.childSection = v;
                case "--quick" -> {
                    c.rounds = 1;
                    c.seconds = 0.5;
                    c.warmupSeconds = 0.5;
                    c.startupRuns = 2;
                }
                default -> throw new IllegalArgumentException("unknown option " + a + " (see the class javadoc)");
            }
        }
        return c;
    }
}
