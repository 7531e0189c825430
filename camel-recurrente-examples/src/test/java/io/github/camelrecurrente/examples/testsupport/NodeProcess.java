package io.github.camelrecurrente.examples.testsupport;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.camelrecurrente.examples.RecurrenteExamplesApp;

/**
 * One node of the examples app as a separate JVM process ({@link RecurrenteExamplesApp}, the runner jar's main class,
 * on the test's class path: target/classes and the dependencies), with its properties as {@code -D} options and its
 * output in a log file.
 */
public final class NodeProcess {

    private final String name;
    private final Map<String, String> properties;
    private final Path log;
    private Process process;
    private int starts;
    private Path workingDirectory;

    public NodeProcess(String name, Map<String, String> properties, Path dir) {
        this.name = name;
        this.properties = properties;
        this.log = dir.resolve(name + ".log");
    }

    /** Runs the JVM in this directory (created if missing), as a node on its own machine would: nothing shared on disk. */
    public NodeProcess workingDirectory(Path directory) {
        this.workingDirectory = directory;
        return this;
    }

    public Path workingDirectory() {
        return workingDirectory;
    }

    public void property(String key, String value) {
        properties.put(key, value);
    }

    public String name() {
        return name;
    }

    public String webhookUrl() {
        return "http://127.0.0.1:" + properties.get("camel.server.port") + properties.get("recurrente.webhook-path");
    }

    /** Starts the JVM and waits until its health check answers UP. */
    public void start() throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx384m");
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-Dsun.net.httpserver.nodelay=true");
        properties.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(RecurrenteExamplesApp.class.getName());
        starts++;
        File out = log.getParent().resolve(name + "-" + starts + ".log").toFile();
        ProcessBuilder builder = new ProcessBuilder(cmd);
        if (workingDirectory != null) {
            java.nio.file.Files.createDirectories(workingDirectory);
            builder.directory(workingDirectory.toFile());
        }
        process = builder.redirectErrorStream(true).redirectOutput(out).start();
        String health = "http://127.0.0.1:" + properties.get("camel.management.port") + "/observe/health";
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        String last = "no answer";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ": " + tail(out));
            }
            try {
                HttpResponse<String> r = client.send(
                        HttpRequest.newBuilder(URI.create(health))
                                .timeout(Duration.ofSeconds(2))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("UP")) {
                    return;
                }
                last = r.statusCode() + " " + r.body();
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(name + " did not become healthy (" + last + "): " + tail(out));
    }

    private static String tail(File f) {
        try {
            String s = java.nio.file.Files.readString(f.toPath());
            return s.length() > 6000 ? s.substring(s.length() - 6000) : s;
        } catch (java.io.IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** SIGKILL: no shutdown hook, no graceful anything. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /**
     * SIGTERM, then waits for the exit.
     *
     * @return the exit code, or -1 when the process was still running after {@code waitSeconds}
     */
    public int terminate(int waitSeconds) throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return process == null ? -1 : process.exitValue();
        }
        process.destroy();
        if (!process.waitFor(waitSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }
}
