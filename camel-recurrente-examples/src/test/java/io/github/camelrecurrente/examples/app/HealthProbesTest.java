package io.github.camelrecurrente.examples.app;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import io.github.camelrecurrente.examples.testsupport.TestPostgres;
import io.github.camelrecurrente.examples.testsupport.TestStacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #22: the bundle's probes as Kubernetes uses them, on a real PostgreSQL ledger. Readiness reports intake (the
 * webhook route and the database); liveness never depends on the database: with the database gone the node answers
 * 503 on /observe/health/ready and 200 on /observe/health/live, and it is ready again once the database is back.
 */
class HealthProbesTest {

    @TempDir
    Path dir;

    @Test
    void theDatabaseGoneMakesTheNodeNotReadyButLeavesItAlive() throws Exception {
        String url = TestPostgres.newDatabase("probes");
        String database = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        Map<String, String> props = TestStacks.properties(dir);
        props.put("ledger.jdbc-url", url);
        props.put("ledger.username", "postgres");
        props.put("ledger.password", "postgres");
        props.put("ledger.connection-timeout", "1s");
        String health = "http://127.0.0.1:" + props.get("camel.management.port") + "/observe/health";
        ExamplesStack stack = ExamplesStack.start(props);
        try {
            assertEquals(200, TestStacks.get(health + "/live").statusCode());
            HttpResponse<String> ready = TestStacks.get(health + "/ready");
            assertEquals(200, ready.statusCode(), ready.body());

            setConnections(database, false);
            TestStacks.await(
                    () -> status(health + "/ready") == 503, Duration.ofSeconds(30), "not ready without the database");
            HttpResponse<String> full = TestStacks.get(health + "?data=true");
            assertTrue(full.body().contains("ledger-database"), full.body());
            assertEquals(
                    200, TestStacks.get(health + "/live").statusCode(), "liveness does not depend on the database");

            setConnections(database, true);
            TestStacks.await(
                    () -> status(health + "/ready") == 200, Duration.ofSeconds(30), "ready again with the database");
        } finally {
            setConnections(database, true);
            stack.close();
        }
    }

    private static int status(String url) {
        try {
            return TestStacks.get(url).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    /** Refuses (or allows again) new connections to the database and drops the open ones, as an outage would. */
    private static void setConnections(String database, boolean allowed) throws Exception {
        try (Connection c = TestPostgres.server().getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("alter database " + database + " with allow_connections " + allowed);
            if (!allowed) {
                s.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database + "'");
            }
        }
    }
}
