package io.github.camelrecurrente.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Startup: time from launching the JVM until its HTTP server answers, and the RSS then, for the Camel Main app with
 * and without the component (same fat jar, same JVM flags, interleaved runs), and for the demo app's runner jar until
 * its health endpoint answers 200.
 */
final class StartupBench {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofMillis(200))
            .build();

    private StartupBench() {}

    record Run(
            double millis,
            double rssMb,
            double hwmMb,
            double selfUptime,
            double classes,
            double heapMb,
            double firstCall,
            double cpuMs) {}

    private static double medianOf(List<Run> runs, java.util.function.ToDoubleFunction<Run> f) {
        return Stats.median(runs.stream()
                .map(r -> f.applyAsDouble(r))
                .filter(d -> !Double.isNaN(d))
                .toList());
    }

    static String run(BenchMain.Config cfg) throws Exception {
        StringBuilder sb = new StringBuilder();
        Map<String, List<Run>> runs = new LinkedHashMap<>();
        runs.put("without", new ArrayList<>());
        runs.put("with", new ArrayList<>());
        runs.put("with-lazy", new ArrayList<>());
        // one unmeasured launch of each to warm the page cache
        for (String mode : runs.keySet()) {
            launchApp(mode);
        }
        for (int i = 0; i < cfg.startupRuns; i++) {
            List<String> modes = new ArrayList<>(runs.keySet());
            java.util.Collections.rotate(modes, i);
            for (String mode : modes) {
                runs.get(mode).add(launchApp(mode));
            }
            BenchMain.log("startup: run %d/%d", i + 1, cfg.startupRuns);
        }
        sb.append(String.format(
                "%nCamel Main + platform-http (Vert.x) app, `java -cp benchmarks.jar %s with|without`,"
                        + " default JVM flags; launch → first HTTP answer on the webhook path, RSS then (VmRSS;"
                        + " VmHWM = peak); medians of %d interleaved runs.%n%n",
                StartupApp.class.getName(), cfg.startupRuns));
        sb.append(
                "| app | launch → serving ms (spread) | JVM uptime at READY (main.start() returned) ms (spread) | process CPU at READY ms | RSS at READY MB | peak RSS MB | loaded classes | heap used MB | first producer call ms |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        Map<String, String> labels = Map.of(
                "without",
                "without the component (platform-http route + direct route)",
                "with",
                "with recurrente:events + a recurrente:getCheckout producer",
                "with-lazy",
                "the same with lazyStartProducer=true on the producer");
        for (Map.Entry<String, List<Run>> e : runs.entrySet()) {
            List<Run> r = e.getValue();
            sb.append(String.format(
                    "| %s | %.0f (%s) | %.0f (%s) | %.0f | %.1f | %.1f | %.0f | %.0f | %s |%n",
                    labels.get(e.getKey()),
                    medianOf(r, Run::millis),
                    Stats.spread(r.stream().map(Run::millis).toList(), "%.0f"),
                    medianOf(r, Run::selfUptime),
                    Stats.spread(r.stream().map(Run::selfUptime).toList(), "%.0f"),
                    medianOf(r, Run::cpuMs),
                    medianOf(r, Run::rssMb),
                    medianOf(r, Run::hwmMb),
                    medianOf(r, Run::classes),
                    medianOf(r, Run::heapMb),
                    "without".equals(e.getKey()) ? "–" : String.format("%.0f", medianOf(r, Run::firstCall))));
        }
        Map<String, String> shortLabels =
                Map.of("with", "recurrente:events + producer", "with-lazy", "the same with lazyStartProducer=true");
        for (String mode : List.of("with", "with-lazy")) {
            double dt = medianOf(runs.get(mode), Run::selfUptime) - medianOf(runs.get("without"), Run::selfUptime);
            double ds = medianOf(runs.get(mode), Run::millis) - medianOf(runs.get("without"), Run::millis);
            double drss = medianOf(runs.get(mode), Run::rssMb) - medianOf(runs.get("without"), Run::rssMb);
            double dcpu = medianOf(runs.get(mode), Run::cpuMs) - medianOf(runs.get("without"), Run::cpuMs);
            sb.append(String.format(
                    "%n%s: the component adds %+.0f ms to Camel's startup (JVM uptime at READY; launch → "
                            + "serving %+.0f ms; process CPU %+.0f ms; goal ≤ 100 ms: %s) and %+.1f MB RSS"
                            + " (goal ≤ 10 MB: %s).%n",
                    labels.get(mode),
                    dt,
                    ds,
                    dcpu,
                    cfg.goals.add(
                            "startup: the component adds ≤ 100 ms (JVM uptime at READY), " + shortLabels.get(mode),
                            String.format("%+.0f ms (process CPU %+.0f ms)", dt, dcpu),
                            dt <= 100),
                    drss,
                    cfg.goals.add(
                            "startup: the component adds ≤ 10 MB RSS, " + shortLabels.get(mode),
                            String.format("%+.1f MB", drss),
                            drss <= 10)));
        }
        sb.append(demo(cfg));
        return sb.toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static Run launchApp(String mode) throws Exception {
        int port = freePort();
        List<String> cmd = List.of(
                BenchMain.javaBin(),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp",
                BenchMain.classPath(),
                StartupApp.class.getName(),
                mode,
                Integer.toString(port));
        return launch(
                cmd, null, "http://127.0.0.1:" + port + "/recurrente/events", false, Duration.ofSeconds(60), null);
    }

    /**
     * Starts the command and polls the URL (POST when {@code post}, else GET) until the server answers (any status,
     * or 200 when {@code need200}); returns the time and the RSS then. The process is stopped afterwards.
     */
    private static Run launch(
            List<String> cmd, File dir, String url, boolean need200, Duration timeout, Map<String, String> env)
            throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (dir != null) {
            pb.directory(dir);
        }
        if (env != null) {
            pb.environment().putAll(env);
        }
        long t0 = System.nanoTime();
        Process p = pb.start();
        double[] uptime = {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader r =
                    new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith("FIRSTCALL millis=")) {
                        uptime[3] = Double.parseDouble(line.substring("FIRSTCALL millis=".length()));
                    }
                    if (line.startsWith("READY uptime=")) {
                        for (String kv : line.substring("READY ".length()).split(" ")) {
                            String[] p2 = kv.split("=");
                            double v = Double.parseDouble(p2[1]);
                            switch (p2[0]) {
                                case "classes" -> uptime[1] = v;
                                case "heapUsedMB" -> uptime[2] = v;
                                case "cpuMs" -> uptime[4] = v;
                                default -> uptime[0] = v;
                            }
                        }
                    }
                    synchronized (output) {
                        if (output.length() < 20_000) {
                            output.append(line).append('\n');
                        }
                    }
                }
            } catch (IOException e) {
                // process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            long deadline = t0 + timeout.toNanos();
            HttpRequest req = need200
                    ? HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(2))
                            .GET()
                            .build()
                    : HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(2))
                            .POST(HttpRequest.BodyPublishers.ofString("{}"))
                            .build();
            while (true) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("process exited with " + p.exitValue() + ": " + tail(output));
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("not serving " + url + " after " + timeout + ": " + tail(output));
                }
                try {
                    HttpResponse<Void> r = HTTP.send(req, HttpResponse.BodyHandlers.discarding());
                    if (!need200 || r.statusCode() == 200) {
                        break;
                    }
                } catch (IOException e) {
                    // not yet listening
                }
                Thread.sleep(5);
            }
            double millis = (System.nanoTime() - t0) / 1e6;
            if (!need200) { // our StartupApp: let it finish starting (READY) before reading its memory
                long until = System.nanoTime() + 10_000_000_000L;
                while (Double.isNaN(uptime[0]) && p.isAlive() && System.nanoTime() < until) {
                    Thread.sleep(2);
                }
            }
            double[] rss = rss(p.pid());
            if (!need200 && !cmd.contains("without")) { // wait (bounded) for the first producer call
                long until = System.nanoTime() + 10_000_000_000L;
                while (Double.isNaN(uptime[3]) && p.isAlive() && System.nanoTime() < until) {
                    Thread.sleep(2);
                }
            }
            return new Run(millis, rss[0], rss[1], uptime[0], uptime[1], uptime[2], uptime[3], uptime[4]);
        } finally {
            // measured: no need for a graceful shutdown (Camel's would take seconds)
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String tail(StringBuilder output) {
        synchronized (output) {
            String s = output.toString();
            return s.length() > 3000 ? s.substring(s.length() - 3000) : s;
        }
    }

    /** VmRSS and VmHWM of a process in MB (NaN when /proc is not there). */
    static double[] rss(long pid) {
        double rss = Double.NaN;
        double hwm = Double.NaN;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = kb(line) / 1024.0;
                } else if (line.startsWith("VmHWM:")) {
                    hwm = kb(line) / 1024.0;
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return new double[] {rss, hwm};
    }

    private static long kb(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }

    // ------------------------------------------------------------------ the demo app

    static Path findDemoJar(BenchMain.Config cfg) throws IOException {
        if (cfg.demoJar != null) {
            return Path.of(cfg.demoJar);
        }
        // look next to this jar's module: ../camel-recurrente-examples/target*/...-runner.jar, newest first
        List<Path> roots = new ArrayList<>();
        Path self = Path.of(BenchMain.classPath().split(File.pathSeparator)[0]).toAbsolutePath();
        for (Path p = self; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("camel-recurrente-examples"))) {
                roots.add(p.resolve("camel-recurrente-examples"));
                break;
            }
        }
        roots.add(Path.of("camel-recurrente-examples").toAbsolutePath());
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            Path standard = root.resolve("target");
            if (Files.isDirectory(standard)) {
                try (Stream<Path> s = Files.list(standard)) {
                    Path found = s.filter(f -> f.getFileName().toString().endsWith("-runner.jar"))
                            .findFirst()
                            .orElse(null);
                    if (found != null) {
                        return found;
                    }
                }
            }
            try (Stream<Path> s = Files.walk(root, 2)) {
                Path found = s.filter(f -> f.getFileName().toString().endsWith("-runner.jar"))
                        .max(Comparator.comparingLong(f -> f.toFile().lastModified()))
                        .orElse(null);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    static String demo(BenchMain.Config cfg) throws Exception {
        Path jar = findDemoJar(cfg);
        if (jar == null || !Files.isRegularFile(jar)) {
            return "\nDemo app: no camel-recurrente-examples runner jar found (build it with `mvn -pl camel-recurrente-examples"
                    + " -am package -DskipTests` or pass --demo-jar=PATH): not measured.\n";
        }
        // others may be rebuilding it: measure a private, validated copy
        Path copy = Files.createTempFile("bench-demo", ".jar");
        boolean valid = false;
        for (int attempt = 0; attempt < 4 && !valid; attempt++) {
            Files.copy(jar, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(copy.toFile())) {
                valid = z.getEntry("META-INF/MANIFEST.MF") != null;
                z.stream().forEach(en -> {});
            } catch (IOException e) {
                Thread.sleep(5000);
            }
        }
        if (!valid) {
            return "\nDemo app: " + jar + " is not a valid jar (being rebuilt?): not measured.\n";
        }
        copy.toFile().deleteOnExit();
        Path cwd = Path.of("").toAbsolutePath();
        String demoName = jar.toAbsolutePath().startsWith(cwd)
                ? cwd.relativize(jar.toAbsolutePath()).toString()
                : jar.toString();
        jar = copy;
        List<Run> runs = new ArrayList<>();
        String error = null;
        int n = 2;
        for (int i = 0; i < n + 1; i++) {
            Path dir = Files.createTempDirectory("bench-demo");
            int port = freePort();
            int mgmt = freePort();
            List<String> cmd = List.of(
                    BenchMain.javaBin(),
                    "-Dcamel.server.port=" + port,
                    "-Dcamel.server.host=127.0.0.1",
                    "-Dcamel.management.port=" + mgmt,
                    "-Dcamel.management.host=127.0.0.1",
                    "-jar",
                    jar.toString());
            try {
                Run r = launch(
                        cmd,
                        dir.toFile(),
                        "http://127.0.0.1:" + mgmt + "/observe/health",
                        true,
                        Duration.ofSeconds(60),
                        Map.of(
                                "CAMEL_SERVER_PORT",
                                Integer.toString(port),
                                "CAMEL_MANAGEMENT_PORT",
                                Integer.toString(mgmt)));
                if (i > 0) { // the first launch warms the page cache
                    runs.add(r);
                }
            } catch (IllegalStateException e) {
                error = e.getMessage();
                break;
            } finally {
                deleteTree(dir);
            }
            BenchMain.log("startup: demo run %d/%d", i + 1, n + 1);
        }
        if (runs.isEmpty()) {
            return "\nDemo app (" + demoName + "): could not be measured: "
                    + (error == null ? "?" : error.lines().limit(15).reduce("", (a, b) -> a + "\n    " + b)) + "\n";
        }
        return String.format(
                "%nDemo app `java -jar %s` (sandbox mode, no keys; ports overridden with -D) → health endpoint"
                        + " GET /observe/health answering 200: median %.0f ms (%s) over %d runs (after one unmeasured"
                        + " launch), RSS then %.1f MB (peak %.1f MB).%n",
                demoName,
                Stats.median(runs.stream().map(Run::millis).toList()),
                Stats.spread(runs.stream().map(Run::millis).toList(), "%.0f"),
                runs.size(),
                Stats.median(runs.stream().map(Run::rssMb).toList()),
                Stats.median(runs.stream().map(Run::hwmMb).toList()));
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // best effort
        }
    }
}
