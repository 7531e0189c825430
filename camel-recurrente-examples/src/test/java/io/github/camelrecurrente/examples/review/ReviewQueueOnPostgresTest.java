package io.github.camelrecurrente.examples.review;

import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import io.github.camelrecurrente.component.model.event.AbstractPaymentEvent;
import io.github.camelrecurrente.component.model.event.BankTransferIntentEvent;
import io.github.camelrecurrente.examples.ledger.LedgerDatabase;
import io.github.camelrecurrente.examples.ledger.LedgerReport;
import io.github.camelrecurrente.examples.ledger.RequestRefusedException;
import io.github.camelrecurrente.examples.testsupport.TestPostgres;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The review queue's SQL on a real PostgreSQL (embedded): the migrations (V8, V9) apply, a case opens once per key,
 * is claimed for posting once, posted, released, dismissed with a reason, counted for the gauge.
 */
class ReviewQueueOnPostgresTest {

    static HikariDataSource ds;
    static ReviewQueue queue;
    static LedgerReport ledger;
    static DefaultCamelContext camel;

    @BeforeAll
    static void start() {
        ds = LedgerDatabase.create(TestPostgres.newDatabase("review"), "postgres", "postgres", 4);
        queue = new ReviewQueue(ds);
        ledger = new LedgerReport(ds);
        camel = new DefaultCamelContext();
    }

    @AfterAll
    static void stop() {
        if (ds != null) {
            ds.close();
        }
    }

    @Test
    void aCaseOpensOncePostsOnceAndIsDismissedWithAReason() {
        BankTransferIntentEvent event = new BankTransferIntentEvent();
        event.setEventType("bank_transfer_intent.succeeded");
        event.setAmountInCents(42000L);
        event.setCurrency("GTQ");
        ReviewCase c = new ReviewCase(
                "reconciliation:ch_pg1:in_pg1",
                ReviewQueue.IDENTITY_UNCERTAIN,
                "reconciliation",
                "ch_pg1",
                "in_pg1",
                null,
                "GTQ",
                42000L,
                "no documented payment id",
                ReviewQueue.payloadOf(event));
        long before = queue.openCount();
        assertTrue(queue.open(c));
        assertFalse(queue.open(c), "one case per key");
        assertEquals(before + 1, queue.openCount());
        long id = ledger.number("select id from review_cases where case_key = ?", c.key());

        Exchange post = exchange(id, Map.of("payment_intent_id", "ba_pg1post", "amount_in_cents", "42000"));
        AbstractPaymentEvent toPost = queue.confirm(post);
        assertInstanceOf(BankTransferIntentEvent.class, toPost);
        assertEquals("ba_pg1post", toPost.getId());
        assertEquals(42000L, toPost.getAmountInCents());
        assertEquals("GTQ", toPost.getCurrency());
        // claimed: a second operator cannot post it at the same time
        RequestRefusedException busy = assertThrows(
                RequestRefusedException.class,
                () -> queue.confirm(exchange(id, Map.of("payment_intent_id", "ba_pg1other", "amount_in_cents", "1"))));
        assertEquals(409, busy.getStatus());
        // the posting failed: open again, then posted
        queue.release(id);
        queue.confirm(exchange(id, Map.of("payment_intent_id", "ba_pg1post", "amount_in_cents", "42000")));
        Map<String, Object> answer = queue.posted(id, "ba_pg1post", 42000L, "ana");
        assertEquals("POSTED", answer.get("status"));
        List<Map<String, Object>> row = ledger.rows("select * from review_cases where id = ?", id);
        assertEquals("POSTED", row.get(0).get("status"));
        assertEquals("ana", row.get(0).get("resolved_by"));
        assertEquals(42000L, row.get(0).get("posted_amount_cents"));
        assertEquals(before, queue.openCount());

        ReviewCase other = new ReviewCase(
                "reconciliation:ch_pg2:no-succeeded-intent",
                ReviewQueue.SUCCESS_UNDOCUMENTED,
                "reconciliation",
                "ch_pg2",
                null,
                "pa_pg2",
                "GTQ",
                null,
                "no succeeded intent",
                null);
        assertTrue(queue.open(other));
        long otherId = ledger.number("select id from review_cases where case_key = ?", other.key());
        RequestRefusedException noReason = assertThrows(
                RequestRefusedException.class, () -> queue.dismiss(exchange(otherId, Map.of("reason", " ")), "ana"));
        assertEquals("reason", noReason.getField());
        queue.dismiss(exchange(otherId, Map.of("reason", "a test checkout")), "ana");
        assertEquals(
                "DISMISSED",
                ledger.rows("select status from review_cases where id = ?", otherId)
                        .get(0)
                        .get("status"));
        assertEquals(
                409,
                assertThrows(
                                RequestRefusedException.class,
                                () -> queue.dismiss(exchange(otherId, Map.of("reason", "again")), "ana"))
                        .getStatus());
        assertFalse(queue.open(other), "a dismissed finding is not asked again");
    }

    private static Exchange exchange(long id, Map<String, Object> fields) {
        Exchange e = new DefaultExchange(camel);
        e.getMessage().setHeader("id", String.valueOf(id));
        fields.forEach((k, v) -> e.getMessage().setHeader(k, v));
        return e;
    }
}
