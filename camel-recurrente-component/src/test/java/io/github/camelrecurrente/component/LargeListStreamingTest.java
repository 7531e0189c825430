package io.github.camelrecurrente.component;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.camelrecurrente.sandbox.RecurrenteSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 100 000 checkouts streamed with {@code allPages=true} and {@code split().streaming()} in a JVM whose heap
 * (64 MB) could not hold them all as models: the lazy iterator keeps one page at a time.
 */
class LargeListStreamingTest {

    private static final int CHECKOUTS = 100_000;
    private static RecurrenteSandbox sandbox;

    @BeforeAll
    static void seed() {
        sandbox = RecurrenteSandbox.builder().port(0).journalCapacity(0).build().start();
        sandbox.seedCheckouts(CHECKOUTS, Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z"));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void streamsAllCheckoutsInASmallHeap() throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        ProcessBuilder pb = new ProcessBuilder(List.of(
                java,
                "-Xmx64m",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                PagingMemoryProbe.class.getName(),
                sandbox.baseUrl(),
                RecurrenteSandbox.DEFAULT_SECRET_KEY));
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "probe finished");
        assertEquals(0, p.exitValue(), out);
        assertEquals(CHECKOUTS, value(out, "COUNT"), out);
        assertEquals(0, value(out, "WRONG_TYPE"), out);
        long peak = value(out, "PEAK_HEAP_BYTES");
        assertTrue(peak < 64L * 1024 * 1024, "peak heap " + peak);
        System.out.println("LargeListStreamingTest: " + CHECKOUTS + " checkouts, peak heap " + (peak / (1024 * 1024))
                + " MB with -Xmx64m");
    }

    private static long value(String out, String key) {
        Matcher m = Pattern.compile(key + "=(\\d+)").matcher(out);
        assertTrue(m.find(), key + " in output: " + out);
        return Long.parseLong(m.group(1));
    }
}
