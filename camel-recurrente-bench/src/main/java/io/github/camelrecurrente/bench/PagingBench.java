package io.github.camelrecurrente.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.camelrecurrente.sandbox.RecurrenteSandbox;

/** listCheckouts?allPages=true streamed over N sandbox checkouts in a child JVM with -Xmx64m. */
final class PagingBench {

    private PagingBench() {}

    static String run(BenchMain.Config cfg) throws Exception {
        int n = cfg.pagingCheckouts;
        try (RecurrenteSandbox sandbox =
                RecurrenteSandbox.builder().journalCapacity(0).build().start()) {
            BenchMain.log("paging: seeding %d checkouts", n);
            sandbox.seedCheckouts(n, Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z"));
            BenchMain.log("paging: streaming them in a -Xmx64m child JVM");
            List<String> cmd = List.of(
                    BenchMain.javaBin(),
                    "-Xmx64m",
                    "-XX:+UseSerialGC",
                    "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                    "-cp",
                    BenchMain.classPath(),
                    io.github.camelrecurrente.component.PagingMemoryProbe.class.getName(),
                    sandbox.baseUrl(),
                    RecurrenteSandbox.DEFAULT_SECRET_KEY);
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            boolean done = p.waitFor(4, TimeUnit.MINUTES);
            long wall = (System.nanoTime() - t0) / 1_000_000;
            String goal = String.format("paging: listCheckouts?allPages=true streams %d checkouts in a -Xmx64m JVM", n);
            if (!done) {
                p.destroyForcibly();
                cfg.goals.add(goal, "did not finish in 4 minutes", false);
                return "\nPaging probe did not finish in 4 minutes.\n";
            }
            long count = value(out, "COUNT");
            long peak = value(out, "PEAK_HEAP_BYTES");
            long millis = value(out, "MILLIS");
            if (p.exitValue() != 0 || count < 0) {
                cfg.goals.add(goal, "probe failed (exit " + p.exitValue() + ")", false);
                return "\nPaging probe failed (exit " + p.exitValue() + "):\n```\n" + out + "\n```\n";
            }
            cfg.goals.add(
                    goal,
                    String.format(
                            "%d of %d checkouts, peak heap %.1f MB of %.0f MB",
                            count, n, peak / (1024.0 * 1024), value(out, "MAX_HEAP_BYTES") / (1024.0 * 1024)),
                    count == n);
            return String.format(
                    "%nrecurrente:listCheckouts?allPages=true&items=100 → split(body()).streaming() over %d"
                            + " sandbox checkouts in a child JVM with -Xmx64m -XX:+UseSerialGC: %s, %d checkouts"
                            + " (wrong type: %d) in %.1f s (%.0f checkouts/s; child JVM wall time %.1f s). Peak heap"
                            + " (sum of the heap pools' peaks, an upper bound): %.1f MB of %.0f MB.%n",
                    n,
                    count == n ? "completed ✅" : "INCOMPLETE ❌",
                    count,
                    value(out, "WRONG_TYPE"),
                    millis / 1000.0,
                    count / (millis / 1000.0),
                    wall / 1000.0,
                    peak / (1024.0 * 1024),
                    value(out, "MAX_HEAP_BYTES") / (1024.0 * 1024));
        }
    }

    static long value(String out, String key) {
        Matcher m = Pattern.compile(key + "=(\\d+)").matcher(out);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }
}
