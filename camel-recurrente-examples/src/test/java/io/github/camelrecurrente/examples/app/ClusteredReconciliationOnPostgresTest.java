package io.github.camelrecurrente.examples.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import io.github.camelrecurrente.examples.standins.StandInSmtpServer;
import io.github.camelrecurrente.examples.testsupport.NodeProcess;
import io.github.camelrecurrente.examples.testsupport.TestPostgres;
import io.github.camelrecurrente.examples.testsupport.TestStacks;
import io.github.camelrecurrente.sandbox.RecurrenteSandbox;
import io.github.camelrecurrente.sandbox.testing.SvixSigner;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #22: one leader without a shared disk. Two nodes as two JVMs, each in a working directory of its own, share
 * only one PostgreSQL (the default {@code examples.cluster.service=auto} picks the advisory-lock cluster service). The
 * reconciliation timer ({@code master:}) runs on exactly one node; once that node is killed (SIGKILL), the other runs
 * it within the lease ({@code examples.cluster.keep-alive}), and only it. Each node writes its reconciliation reports
 * into its own directory, which is how the test tells who ran.
 */
class ClusteredReconciliationOnPostgresTest {

    @TempDir
    Path dir;

    @Test
    void theReconciliationRunsOnOneNodeAndMovesWhenItsNodeIsKilled() throws Exception {
        String jdbcUrl = TestPostgres.newDatabase("leader");
        try (RecurrenteSandbox sandbox =
                RecurrenteSandbox.builder().port(0).build().start()) {
            StandInSmtpServer smtp = StandInSmtpServer.start(0);
            NodeProcess a = null;
            NodeProcess b = null;
            try {
                a = node("node-a", jdbcUrl, sandbox, smtp);
                b = node("node-b", jdbcUrl, sandbox, smtp);
                a.start();
                b.start();
                NodeProcess fa = a;
                NodeProcess fb = b;
                TestStacks.await(
                        () -> reports(fa) + reports(fb) >= 3, Duration.ofSeconds(60), "three reconciliation runs");
                assertTrue(
                        reports(a) == 0 || reports(b) == 0,
                        "one node runs the reconciliation: node-a " + reports(a) + ", node-b " + reports(b));
                NodeProcess leader = reports(a) > 0 ? a : b;
                NodeProcess standby = leader == a ? b : a;

                leader.kill();
                long killed = System.nanoTime();
                int leaderRuns = reports(leader);
                TestStacks.await(
                        () -> reports(standby) >= 2,
                        Duration.ofSeconds(60),
                        standby.name() + " runs the reconciliation after " + leader.name() + " was killed");
                double seconds = (System.nanoTime() - killed) / 1e9;
                // the lease: PostgreSQL drops a killed node's lock with its connection (at once on one machine,
                // within examples.cluster.keep-alive when the node's machine disappears), plus one acquire interval
                assertTrue(seconds < 30, "taken over after " + seconds + " s");
                assertEquals(leaderRuns, reports(leader), "the killed node ran nothing more");
                assertEquals(
                        0,
                        Files.exists(standby.workingDirectory().resolve("data/cluster")) ? 1 : 0,
                        "no lock files: the cluster service is PostgreSQL's");
            } finally {
                for (NodeProcess n : new NodeProcess[] {a, b}) {
                    if (n != null) {
                        n.terminate(30);
                    }
                }
                smtp.close();
            }
        }
    }

    private NodeProcess node(String name, String jdbcUrl, RecurrenteSandbox sandbox, StandInSmtpServer smtp) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("ledger.jdbc-url", jdbcUrl);
        p.put("ledger.username", "postgres");
        p.put("ledger.password", "postgres");
        p.put("ledger.pool-size", "4");
        p.put("recurrente.public-key", sandbox.defaultAccount().publicKey());
        p.put("recurrente.secret-key", sandbox.defaultAccount().secretKey());
        p.put("recurrente.base-url", sandbox.baseUrl());
        p.put("recurrente.webhook.secret", SvixSigner.newSecret());
        // the reconciliation's leader only: nothing invoiced
        p.put("fel.certifier", "off");
        p.put("mail.smtp.uri", smtp.smtpUri());
        p.put("examples.node-id", name);
        p.put("examples.ops.enabled", "false");
        p.put("camel.server.host", "127.0.0.1");
        p.put("camel.management.host", "127.0.0.1");
        p.put("camel.server.port", String.valueOf(AvailablePortFinder.getNextAvailable()));
        p.put("camel.management.port", String.valueOf(AvailablePortFinder.getNextAvailable()));
        p.put("examples.cluster.acquire-interval", "500ms");
        p.put("examples.cluster.check-timeout", "1s");
        p.put("examples.cluster.keep-alive", "10s");
        p.put("reconciliation.schedule.enabled", "true");
        p.put("reconciliation.schedule.initial-delay", "500");
        p.put("reconciliation.schedule.period", "1000");
        p.put("camel.main.shutdown-timeout", "5");
        // relative paths (./data/...) resolve in the node's own working directory
        return new NodeProcess(name, p, dir).workingDirectory(dir.resolve(name + "-work"));
    }

    /** Reconciliation reports the node wrote (into ./data/reconciliation of its own working directory). */
    private static int reports(NodeProcess node) {
        Path reports = node.workingDirectory().resolve("data/reconciliation");
        if (!Files.isDirectory(reports)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(reports)) {
            return (int) files.filter(f -> f.getFileName().toString().endsWith(".csv"))
                    .count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
