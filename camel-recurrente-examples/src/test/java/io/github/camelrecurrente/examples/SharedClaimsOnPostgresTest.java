package io.github.camelrecurrente.examples;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What makes two nodes one system, on a real PostgreSQL server with the Flyway-migrated schema: the webhook claim
 * table ({@link WebhookInbox}) and the FEL outbox claims ({@link FelOutbox}), each used by two "nodes" (two instances
 * with their own node id and pool) racing on the same rows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedClaimsOnPostgresTest {

    HikariDataSource nodeA;
    HikariDataSource nodeB;
    ExecutorService pool = Executors.newFixedThreadPool(16);

    @BeforeAll
    void database() {
        String url = TestPostgres.newDatabase("claims");
        nodeA = LedgerDatabase.create(url, "postgres", "postgres", 8);
        nodeB = LedgerDatabase.create(url, "postgres", "postgres", 8);
    }

    @AfterAll
    void close() {
        pool.shutdownNow();
        nodeA.close();
        nodeB.close();
    }

    @Test
    void flywayMigratedTheSchemaOnceForBothNodes() {
        LedgerReport ledger = new LedgerReport(nodeA);
        assertEquals(
                2,
                ledger.number(
                        "select count(*) from flyway_schema_history where success" + " and version in ('1', '3')"),
                "V1 and V3 applied once each");
        assertEquals(
                1, ledger.number("select count(*) from information_schema.tables where table_name = 'webhook_inbox'"));
    }

    @Test
    void aDeliveryReachingBothNodesAtOnceIsClaimedByOne() throws Exception {
        WebhookInbox a = new WebhookInbox(nodeA, "node-a", Duration.ofSeconds(60));
        WebhookInbox b = new WebhookInbox(nodeB, "node-b", Duration.ofSeconds(60));
        int rounds = 200;
        int routed = 0;
        int inProgress = 0;
        for (int i = 0; i < rounds; i++) {
            String id = "msg_race_" + i;
            CyclicBarrier start = new CyclicBarrier(2);
            Future<String> fa = pool.submit(claim(a, id, start));
            Future<String> fb = pool.submit(claim(b, id, start));
            List<String> answers = List.of(fa.get(), fb.get());
            assertEquals(1, answers.stream().filter("route"::equals).count(), id + ": " + answers);
            routed++;
            inProgress += (int) answers.stream().filter("in-progress"::equals).count();
            // the winner completes: from now on every node answers "seen"
            WebhookInbox winner = fa.get().equals("route") ? a : b;
            winner.add(id);
            winner.confirm(id);
            assertTrue(a.contains(id));
            assertTrue(b.contains(id));
        }
        assertEquals(rounds, routed);
        assertEquals(rounds, inProgress, "the loser was told the delivery is in progress (answered 503, retried)");
    }

    private static Callable<String> claim(WebhookInbox inbox, String id, CyclicBarrier start) {
        return () -> {
            start.await();
            try {
                return inbox.contains(id) ? "seen" : "route";
            } catch (WebhookInbox.DeliveryInProgressException e) {
                return "in-progress";
            }
        };
    }

    @Test
    void aClaimOfADeadNodeIsTakenOverAfterTheLeaseAndAFailedAttemptIsRetriedAtOnceOnItsNode() {
        Instant t0 = Instant.parse("2026-12-01T10:00:00Z");
        WebhookInbox a = new WebhookInbox(nodeA, "node-a", Duration.ofSeconds(60), Clock.fixed(t0, ZoneOffset.UTC));
        WebhookInbox bEarly = new WebhookInbox(
                nodeB, "node-b", Duration.ofSeconds(60), Clock.fixed(t0.plusSeconds(30), ZoneOffset.UTC));
        WebhookInbox bLate = new WebhookInbox(
                nodeB, "node-b", Duration.ofSeconds(60), Clock.fixed(t0.plusSeconds(61), ZoneOffset.UTC));
        assertFalse(a.contains("msg_dead")); // node A claims it, then "dies" (never confirms)
        assertThrows(WebhookInbox.DeliveryInProgressException.class, () -> bEarly.contains("msg_dead"));
        assertFalse(bLate.contains("msg_dead")); // lease over: node B takes it over and routes it
        assertThrows(WebhookInbox.DeliveryInProgressException.class, () -> a.contains("msg_dead"));
        bLate.add("msg_dead");
        assertTrue(a.contains("msg_dead"));
        // a route failure leaves the claim with its node: that node's next attempt routes again at once
        assertFalse(a.contains("msg_failed"));
        assertFalse(a.contains("msg_failed"));
        assertEquals(
                1,
                new LedgerReport(nodeA)
                        .number(
                                "select count(*) from webhook_inbox where message_id = ?"
                                        + " and status = 'CLAIMED' and node_id = 'node-a'",
                                "msg_failed"));
    }

    @Test
    void twoNodesClaimDisjointOutboxBatchesAndADeadNodesClaimsExpire() throws Exception {
        insertPendingPayments("pa_claim_", 300);
        FelOutbox a = new FelOutbox(nodeA, "node-a", Duration.ofMinutes(5), 20);
        FelOutbox b = new FelOutbox(nodeB, "node-b", Duration.ofMinutes(5), 20);
        List<Future<List<String>>> runs = new ArrayList<>();
        for (FelOutbox outbox : List.of(a, b, a, b)) {
            runs.add(pool.submit(() -> {
                List<String> mine = new ArrayList<>();
                List<Map<String, Object>> batch;
                while (!(batch = outbox.claim()).isEmpty()) {
                    for (Map<String, Object> row : batch) {
                        String id = (String) row.get("paymentIntentId");
                        if (outbox.renew(id)) {
                            mine.add(id);
                            finish(id);
                        }
                    }
                }
                return mine;
            }));
        }
        Set<String> all = new HashSet<>();
        int total = 0;
        for (Future<List<String>> f : runs) {
            List<String> mine = f.get();
            total += mine.size();
            all.addAll(mine);
        }
        assertEquals(300, all.size(), "every payment was worked on");
        assertEquals(300, total, "by exactly one claimer");
        assertEquals(
                300,
                new LedgerReport(nodeA)
                        .number("select count(*) from payments where payment_intent_id like"
                                + " 'pa_claim_%' and claim_count = 1"));

        // a node claims and dies: its payments come back once the lease is over, with claim_count 2
        insertPendingPayments("pa_dead_", 5);
        Instant now = Instant.now();
        FelOutbox dying = new FelOutbox(nodeA, "node-a", Duration.ofSeconds(30), 20, Clock.fixed(now, ZoneOffset.UTC));
        FelOutbox laterB = new FelOutbox(
                nodeB, "node-b", Duration.ofSeconds(30), 20, Clock.fixed(now.plusSeconds(31), ZoneOffset.UTC));
        assertEquals(5, dying.claim().size());
        assertTrue(b.claim().isEmpty(), "still claimed");
        List<Map<String, Object>> resumed = laterB.claim();
        assertEquals(5, resumed.size());
        assertTrue(resumed.stream().allMatch(r -> ((Integer) r.get("claimCount")) == 2));
        assertFalse(dying.renew((String) resumed.get(0).get("paymentIntentId")), "the dead node lost its claim");
    }

    private void insertPendingPayments(String prefix, int n) throws Exception {
        try (Connection c = nodeA.getConnection();
                PreparedStatement p = c.prepareStatement(
                        "insert into payments (payment_intent_id, payment_kind, event_type, currency, gross_cents, fee_cents,"
                                + " vat_withheld_cents, net_cents, tax_id, tax_name, invoice_status)"
                                + " values (?, 'card', 'payment_intent.succeeded', 'GTQ', 100, 0, 0, 100, 'CF', 'CF', 'PENDING')")) {
            for (int i = 0; i < n; i++) {
                p.setString(1, prefix + i);
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    private void finish(String id) throws Exception {
        try (Connection c = nodeB.getConnection();
                PreparedStatement p =
                        c.prepareStatement("update payments set invoice_status = 'DONE' where payment_intent_id = ?")) {
            p.setString(1, id);
            p.executeUpdate();
        }
    }
}
