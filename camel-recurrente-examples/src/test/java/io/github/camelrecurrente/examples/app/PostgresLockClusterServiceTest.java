package io.github.camelrecurrente.examples.app;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.camel.CamelContext;
import org.apache.camel.cluster.CamelClusterView;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Leadership on a real PostgreSQL (embedded): one leader per namespace among nodes that share only the database; the
 * other takes over when the leader stops, and when the database drops the leader's connection (as it does when the
 * leader's process dies), while the dropped node stops leading.
 */
class PostgresLockClusterServiceTest {

    static EmbeddedPostgres pg;

    @BeforeAll
    static void start() throws Exception {
        pg = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws Exception {
        pg.close();
    }

    private final List<CamelContext> contexts = new ArrayList<>();
    private final Map<String, AtomicBoolean> reachable = new ConcurrentHashMap<>();

    /** A node whose way to the database can be cut ({@link #reachable}). */
    private PostgresLockClusterService node(String id) throws Exception {
        PGSimpleDataSource pgds = new PGSimpleDataSource();
        pgds.setURL(pg.getJdbcUrl("postgres", "postgres"));
        pgds.setUser("postgres");
        pgds.setPassword("postgres");
        AtomicBoolean up = new AtomicBoolean(true);
        reachable.put(id, up);
        DataSource ds = (DataSource) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection") && !up.get()) {
                        throw new SQLException("database unreachable from " + id);
                    }
                    try {
                        return method.invoke(pgds, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        PostgresLockClusterService service = new PostgresLockClusterService(ds);
        service.setId(id);
        service.setAcquireInterval(Duration.ofMillis(100));
        service.setCheckTimeout(Duration.ofSeconds(1));
        service.setKeepAlive(Duration.ofSeconds(6));
        CamelContext context = new DefaultCamelContext();
        context.addService(service);
        context.start();
        contexts.add(context);
        return service;
    }

    @Test
    void oneLeaderPerNamespaceAndTheOtherTakesOver() throws Exception {
        try {
            PostgresLockClusterService a = node("node-a");
            PostgresLockClusterService b = node("node-b");
            CamelClusterView va = a.getView("reconciliation");
            CamelClusterView vb = b.getView("reconciliation");
            va.start();
            vb.start();
            await(() -> leaders(va, vb) == 1, "one leader of reconciliation");
            CamelClusterView leader = va.getLocalMember().isLeader() ? va : vb;
            CamelClusterView standby = leader == va ? vb : va;
            String leaderId = leader.getClusterService().getId();
            assertEquals(leaderId, a.leaderOf("reconciliation").orElseThrow(), "PostgreSQL names the leader");
            assertTrue(leader.getLeader().isPresent());
            assertFalse(standby.getLeader().isPresent());

            // a second namespace is led independently (same connection, another key)
            CamelClusterView pa = a.getView("webhook-inbox-pruning");
            pa.start();
            await(() -> pa.getLocalMember().isLeader(), "node-a leads the pruning namespace alone");
            assertNotEquals(
                    PostgresLockClusterService.lockKey("reconciliation"),
                    PostgresLockClusterService.lockKey("webhook-inbox-pruning"));

            // the leader's process dies (its connection is dropped and it never comes back): the standby takes
            // over, and the dropped node, once it sees its connection gone, no longer leads
            PostgresLockClusterService survivor = leader == va ? b : a;
            reachable.get(leaderId).set(false);
            terminateBackendsOf(leaderId);
            await(() -> standby.getLocalMember().isLeader(), "the standby takes over");
            assertEquals(
                    standby.getClusterService().getId(),
                    survivor.leaderOf("reconciliation").orElseThrow());
            await(() -> !leader.getLocalMember().isLeader(), "the dropped node no longer leads");
            // it comes back: it reconnects, but the lock is held, so it stays a standby
            reachable.get(leaderId).set(true);
            await(() -> a.leaderOf("webhook-inbox-pruning").isPresent(), "node-a takes the pruning lock again");
            Thread.sleep(500); // several rounds of both nodes
            assertEquals(1, leaders(va, vb));
            assertEquals(
                    standby.getClusterService().getId(),
                    a.leaderOf("reconciliation").orElseThrow());

            // the leader stops: the other one leads
            ((org.apache.camel.Service) standby).stop();
            await(() -> leader.getLocalMember().isLeader(), "the first node leads again once the other stops");
        } finally {
            contexts.forEach(CamelContext::stop);
        }
    }

    @Test
    void aLeaderCutOffMustStopBeforeTheDatabaseReleasesItsLock() throws Exception {
        PostgresLockClusterService s = new PostgresLockClusterService(new PGSimpleDataSource());
        s.setId("node-x");
        s.setAcquireInterval(Duration.ofSeconds(10));
        s.setKeepAlive(Duration.ofSeconds(5));
        CamelContext context = new DefaultCamelContext();
        context.addService(s);
        Exception e = assertThrows(Exception.class, context::start);
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        assertTrue(root.getMessage().contains("examples.cluster.acquire-interval"), root.getMessage());
        assertTrue(root.getMessage().contains("examples.cluster.keep-alive"), root.getMessage());
        IllegalArgumentException bad =
                assertThrows(IllegalArgumentException.class, () -> s.setCheckTimeout(Duration.ZERO));
        assertTrue(bad.getMessage().contains("examples.cluster.check-timeout"));
    }

    private static int leaders(CamelClusterView... views) {
        int n = 0;
        for (CamelClusterView v : views) {
            if (v.getLocalMember().isLeader()) {
                n++;
            }
        }
        return n;
    }

    private static void terminateBackendsOf(String applicationName) throws Exception {
        try (Connection c = pg.getPostgresDatabase().getConnection();
                PreparedStatement q = c.prepareStatement(
                        "select count(pg_terminate_backend(pid)) from pg_stat_activity where application_name = ?")) {
            q.setString(1, applicationName);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                assertEquals(1, rs.getInt(1), "the leader holds exactly one connection");
            }
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 20 s: " + what);
            }
            Thread.sleep(20);
        }
    }
}
