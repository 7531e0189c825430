package io.github.camelrecurrente.examples.inbox;

import java.nio.file.Files;
import java.nio.file.Path;
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
import io.github.camelrecurrente.component.RecurrenteConstants;
import io.github.camelrecurrente.examples.invoicing.FelOutbox;
import io.github.camelrecurrente.examples.ledger.LedgerDatabase;
import io.github.camelrecurrente.examples.ledger.LedgerReport;
import io.github.camelrecurrente.examples.testsupport.TestPostgres;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What makes two nodes one system, on a real PostgreSQL server with the Flyway-migrated schema: the durable webhook
 * inbox ({@link WebhookInbox}) and the FEL outbox claims ({@link FelOutbox}), each used by two "nodes" (two instances
 * with their own node id and pool) racing on the same rows; and the burst rule ({@link IntakeRate}).
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

    private final List<HikariDataSource> opened = new ArrayList<>();

    @AfterAll
    void close() {
        pool.shutdownNow();
        nodeA.close();
        nodeB.close();
        opened.forEach(HikariDataSource::close);
    }

    /** Two nodes' pools on a database of their own (the inbox tests drain whatever is due). */
    private HikariDataSource[] ownDatabase(String name) {
        String url = TestPostgres.newDatabase(name);
        HikariDataSource a = LedgerDatabase.create(url, "postgres", "postgres", 8);
        HikariDataSource b = LedgerDatabase.create(url, "postgres", "postgres", 8);
        opened.add(a);
        opened.add(b);
        return new HikariDataSource[] {a, b};
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
    void aDeliveryReachingBothNodesAtOnceIsStoredOnceAndAnsweredByBoth() throws Exception {
        HikariDataSource[] db = ownDatabase("inbox_race");
        WebhookInbox a = inbox(db[0], "node-a", Clock.systemUTC());
        WebhookInbox b = inbox(db[1], "node-b", Clock.systemUTC());
        int rounds = 200;
        for (int i = 0; i < rounds; i++) {
            String id = "msg_race_" + i;
            CyclicBarrier start = new CyclicBarrier(2);
            Future<Boolean> fa = pool.submit(store(a, id, start));
            Future<Boolean> fb = pool.submit(store(b, id, start));
            // neither throws (both answer 2xx), exactly one inserted
            assertEquals(1, List.of(fa.get(), fb.get()).stream().filter(x -> x).count(), id);
        }
        LedgerReport ledger = new LedgerReport(db[0]);
        assertEquals(
                rounds,
                ledger.number("select count(*) from webhook_inbox where message_id like 'msg_race_%'"
                        + " and status = 'RECEIVED'"));
        assertEquals(
                Files.readString(EVENT),
                ledger.rows("select body from webhook_inbox where message_id = 'msg_race_7'")
                        .get(0)
                        .get("body"),
                "the body is stored exactly as received");
    }

    private static Callable<Boolean> store(WebhookInbox inbox, String id, CyclicBarrier start) throws Exception {
        Exchange exchange = delivery(id);
        return () -> {
            start.await();
            return inbox.store(exchange);
        };
    }

    @Test
    void twoNodesClaimDisjointInboxBatchesAndADeadNodesClaimsExpire() throws Exception {
        HikariDataSource[] db = ownDatabase("inbox_batches");
        WebhookInbox a = inbox(db[0], "node-a", Clock.systemUTC());
        WebhookInbox b = inbox(db[1], "node-b", Clock.systemUTC());
        for (int i = 0; i < 300; i++) {
            assertTrue((i % 2 == 0 ? a : b).store(delivery("msg_batch_" + i)));
        }
        List<Future<List<String>>> runs = new ArrayList<>();
        for (WebhookInbox inbox : List.of(a, b, a, b)) {
            runs.add(pool.submit(() -> {
                List<String> mine = new ArrayList<>();
                List<Map<String, Object>> batch;
                while (!(batch = inbox.claim()).isEmpty()) {
                    for (Map<String, Object> row : batch) {
                        mine.add((String) row.get("messageId"));
                        inbox.done((String) row.get("messageId"));
                    }
                }
                return mine;
            }));
        }
        Set<String> all = new HashSet<>();
        int total = 0;
        for (Future<List<String>> f : runs) {
            for (String id : f.get()) {
                if (id.startsWith("msg_batch_")) {
                    all.add(id);
                    total++;
                }
            }
        }
        assertEquals(300, all.size(), "every delivery was posted");
        assertEquals(300, total, "by exactly one poster");

        // a node claims and dies: its deliveries are due again once the lease is over
        Instant now = Instant.now();
        WebhookInbox dying = inbox(db[0], "node-a", Clock.fixed(now, ZoneOffset.UTC));
        WebhookInbox laterB = inbox(db[1], "node-b", Clock.fixed(now.plusSeconds(61), ZoneOffset.UTC));
        for (int i = 0; i < 5; i++) {
            dying.store(delivery("msg_dead_" + i));
        }
        assertEquals(5, dying.claim().size());
        assertTrue(
                inbox(db[1], "node-b", Clock.fixed(now.plusSeconds(30), ZoneOffset.UTC))
                        .claim()
                        .isEmpty(),
                "still claimed");
        assertEquals(5, laterB.claim().size());
    }

    @Test
    void aFailedPostingIsRetriedOnItsScheduleThenDeadUntilReplayed() throws Exception {
        HikariDataSource ds = ownDatabase("inbox_retries")[0];
        Instant t0 = Instant.parse("2026-12-01T10:00:00Z");
        WebhookInbox at0 = inbox(ds, "node-a", Clock.fixed(t0, ZoneOffset.UTC));
        at0.store(delivery("msg_failing"));
        Exchange failed = claimOne(at0, "msg_failing");
        failed.setProperty(Exchange.EXCEPTION_CAUGHT, new IllegalStateException("ledger down"));
        at0.failed(failed);
        LedgerReport ledger = new LedgerReport(ds);
        Map<String, Object> row = ledger.rows(
                        "select status, attempts, last_error from webhook_inbox where message_id = 'msg_failing'")
                .get(0);
        assertEquals("RECEIVED", row.get("status"));
        assertEquals(1, ((Number) row.get("attempts")).intValue());
        assertEquals("java.lang.IllegalStateException: ledger down", row.get("last_error"));
        assertTrue(
                inbox(ds, "node-a", Clock.fixed(t0.plusSeconds(4), ZoneOffset.UTC)).claim().stream()
                        .noneMatch(r -> r.get("messageId").equals("msg_failing")),
                "not due before the first retry delay (5 s)");
        WebhookInbox at10 = inbox(ds, "node-a", Clock.fixed(t0.plusSeconds(10), ZoneOffset.UTC));
        Exchange second = claimOne(at10, "msg_failing");
        second.setProperty(Exchange.EXCEPTION_CAUGHT, new IllegalStateException("still down"));
        at10.failed(second); // the schedule here has two delays: the second failure waits 60 s
        WebhookInbox at80 = inbox(ds, "node-a", Clock.fixed(t0.plusSeconds(80), ZoneOffset.UTC));
        Exchange third = claimOne(at80, "msg_failing");
        third.setProperty(Exchange.EXCEPTION_CAUGHT, new IllegalStateException("gave up"));
        at80.failed(third);
        assertEquals(
                "DEAD",
                ledger.rows("select status from webhook_inbox where message_id = 'msg_failing'")
                        .get(0)
                        .get("status"));
        WebhookInbox later = inbox(ds, "node-a", Clock.fixed(t0.plusSeconds(86_400), ZoneOffset.UTC));
        assertTrue(later.claim().stream().noneMatch(r -> r.get("messageId").equals("msg_failing")), "DEAD stays put");
        assertTrue(later.replayDead() >= 1);
        Exchange replayed = claimOne(later, "msg_failing");
        later.toEvent(replayed);
        assertTrue(
                replayed.getMessage().getBody()
                        instanceof io.github.camelrecurrente.component.model.event.RecurrenteEvent);
        assertEquals("msg_failing", replayed.getMessage().getHeader("CamelRecurrenteEventId"));
        assertEquals("payment_intent.succeeded", replayed.getMessage().getHeader("CamelRecurrenteEventType"));
        assertEquals("1733000000", replayed.getMessage().getHeader("CamelRecurrenteEventTimestamp"));
        later.done("msg_failing");
        assertEquals(
                "DONE",
                ledger.rows("select status from webhook_inbox where message_id = 'msg_failing'")
                        .get(0)
                        .get("status"));
    }

    @Test
    void duringABurstTheBackgroundWorkTakesSmallBatches() throws Exception {
        HikariDataSource ds = ownDatabase("inbox_burst")[0];
        long[] nanos = {0};
        IntakeRate intake = new IntakeRate(10, () -> nanos[0]);
        WebhookInbox a = inbox(ds, "node-a", Clock.systemUTC()).withIntake(intake, 2);
        FelOutbox outbox = new FelOutbox(ds, "node-a", Duration.ofMinutes(5), 20).withIntake(intake, 0);
        insertPendingPayments(ds, "pa_burst_", 5);
        for (int i = 0; i < 12; i++) {
            a.store(delivery("msg_burst_" + i));
        }
        assertTrue(intake.busy(), "12 deliveries in one second, threshold 10");
        assertEquals(2, a.claim().size(), "the inbox poster takes its burst batch");
        assertTrue(outbox.claim().isEmpty(), "invoicing pauses (burst batch 0)");
        nanos[0] += 1_500_000_000L; // the next second: the previous one still counts
        assertTrue(intake.busy());
        nanos[0] += 1_000_000_000L; // two quiet seconds later: over
        assertFalse(intake.busy());
        assertEquals(10, a.claim().size(), "full batches again");
        assertEquals(5, outbox.claim().size(), "invoicing resumes");
    }

    private static final Path EVENT = Path.of("../contract/webhooks/payment_intent.succeeded.json");

    private static WebhookInbox inbox(HikariDataSource ds, String node, Clock clock) {
        return new WebhookInbox(
                ds, node, Duration.ofSeconds(60), 50, List.of(Duration.ofSeconds(5), Duration.ofSeconds(60)), clock);
    }

    /** What recurrente:events hands the route: the verified body and the delivery's headers. */
    private static Exchange delivery(String id) throws Exception {
        Exchange exchange = new DefaultExchange(CAMEL);
        exchange.getMessage().setHeader(RecurrenteConstants.EVENT_ID, id);
        exchange.getMessage().setHeader(RecurrenteConstants.EVENT_TYPE, "payment_intent.succeeded");
        exchange.getMessage().setHeader(RecurrenteConstants.EVENT_TIMESTAMP, "1733000000");
        exchange.getMessage().setHeader(RecurrenteConstants.RAW_BODY, Files.readAllBytes(EVENT));
        return exchange;
    }

    private static Exchange claimOne(WebhookInbox inbox, String id) {
        Map<String, Object> row = inbox.claim().stream()
                .filter(r -> r.get("messageId").equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError(id + " is not due"));
        Exchange exchange = new DefaultExchange(CAMEL);
        exchange.getMessage().setBody(row);
        exchange.setVariable("inboxMessageId", id);
        return exchange;
    }

    private static final CamelContext CAMEL = new DefaultCamelContext();

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
        insertPendingPayments(nodeA, prefix, n);
    }

    private static void insertPendingPayments(HikariDataSource ds, String prefix, int n) throws Exception {
        try (Connection c = ds.getConnection();
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
