package io.github.camelrecurrente.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.camelrecurrente.sandbox.RecurrenteSandbox;
import io.github.camelrecurrente.sandbox.testing.SvixSigner;

/**
 * What the two-node benchmarks ({@link MonthEndBurst}, {@link InvoicingBacklog}) give every node JVM of the examples
 * app, and the signed delivery they send it: one place, so the two measure the same node.
 */
final class NodeOptions {

    private NodeOptions() {}

    /**
     * The node JVM options both benchmarks use: heap, quiet logging, the ledger on PostgreSQL, real-API mode against
     * the emulator, loopback servers, the FEL outbox's poll and batch, no scheduled reconciliation, the SMTP stand-in.
     */
    static List<String> common(
            String heap, String jdbcUrl, RecurrenteSandbox sandbox, String webhookSecret, int batchSize, Path work) {
        List<String> options = new ArrayList<>(List.of(
                "-Xmx" + heap,
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-Dledger.jdbc-url=" + jdbcUrl,
                "-Dledger.username=postgres",
                "-Dledger.password=postgres",
                "-Dledger.pool-size=16",
                "-Drecurrente.public-key=" + sandbox.defaultAccount().publicKey(),
                "-Drecurrente.secret-key=" + sandbox.defaultAccount().secretKey(),
                "-Drecurrente.base-url=" + sandbox.baseUrl(),
                "-Drecurrente.webhook.secret=" + webhookSecret,
                "-Dcamel.server.host=127.0.0.1",
                "-Dcamel.management.host=127.0.0.1",
                "-Dfel.poll-delay=100",
                "-Dfel.claim.batch-size=" + batchSize,
                "-Dreconciliation.schedule.enabled=false",
                "-Dreconciliation.report-dir=" + work.resolve("reconciliation"),
                "-Dcamel.main.shutdown-timeout=10",
                // real-API mode: the SMTP stand-in only when asked for
                "-Dmail.smtp=stand-in"));
        return options;
    }

    /** Appends every {@code --node-arg=} of the command line to the options. */
    static void addNodeArgs(List<String> options, String[] args) {
        for (String a : args) {
            if (a.startsWith("--node-arg=")) {
                options.add(a.substring("--node-arg=".length()));
            }
        }
    }

    /** A webhook delivery to a node, signed (Svix) with the secret the nodes were given, timestamped now. */
    static HttpRequest signedDelivery(String url, String id, byte[] body, String secret) {
        long ts = System.currentTimeMillis() / 1000;
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("svix-id", id)
                .header("svix-timestamp", Long.toString(ts))
                .header("svix-signature", SvixSigner.sign(secret, id, ts, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }
}
