package io.github.camelrecurrente.examples.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The runner as a command: the real entry point in a child JVM, in an empty working directory. {@code --help} and
 * {@code --version} answer and exit 0, an unknown flag exits 2 with the usage; none of them starts a server or writes
 * {@code ./data/}.
 */
class RunnerArgumentsTest {

    @TempDir
    Path workDir;

    record Run(int exitCode, String out, String err) {}

    private Run run(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "io.github.camelrecurrente.examples.RecurrenteExamplesApp"));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("runner", ".out");
        Path err = Files.createTempFile("runner", ".err");
        Process p = new ProcessBuilder(cmd)
                .directory(workDir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the runner did not exit with " + List.of(args) + ": it started instead");
        }
        return new Run(
                p.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private void assertNothingWritten() throws IOException {
        try (Stream<Path> files = Files.list(workDir)) {
            assertEquals(List.of(), files.toList(), "nothing written to the working directory (no ./data/)");
        }
    }

    @Test
    void helpPrintsTheUsageAndExitsZero() throws Exception {
        Run r = run("--help");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("Usage: java"), r.out());
        for (String expected : List.of("--once", "sandbox mode", "real-API mode", "ledger.jdbc-url", "./data/")) {
            assertTrue(r.out().contains(expected), "the usage names " + expected);
        }
        assertNothingWritten();
        assertEquals(0, run("-h").exitCode());
    }

    @Test
    void anUnknownFlagPrintsTheUsageAndExitsTwo() throws Exception {
        Run r = run("--onse");
        assertEquals(RunnerArguments.USAGE_ERROR, r.exitCode());
        assertTrue(r.err().startsWith("Unknown argument: --onse"), r.err());
        assertTrue(r.err().contains("Usage: java"), r.err());
        assertEquals("", r.out());
        assertNothingWritten();
    }

    @Test
    void versionPrintsTheVersion() throws Exception {
        Run r = run("--version");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("camel-recurrente-examples "), r.out());
        assertNothingWritten();
    }

    @Test
    void parsing() {
        RunnerArguments a = RunnerArguments.parse("--once");
        assertTrue(a.once());
        assertEquals(-1, a.answerWithoutStarting(System.out, System.err), "--once starts");
        assertEquals(
                List.of("x", "--foo"),
                RunnerArguments.parse("x", "--once", "--foo").unknown());
    }
}
