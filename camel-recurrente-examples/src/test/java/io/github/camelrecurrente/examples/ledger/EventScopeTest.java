package io.github.camelrecurrente.examples.ledger;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import io.github.camelrecurrente.component.model.event.RecurrenteEvent;
import io.github.camelrecurrente.component.model.event.RecurrenteEvents;
import org.junit.jupiter.api.Test;

import static io.github.camelrecurrente.examples.testsupport.DocumentedApi.contract;
import static io.github.camelrecurrente.examples.testsupport.DocumentedApi.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link EventScope}: whose books an event belongs in, and its WARN at most once a minute (issue 21, items 6, 8). */
class EventScopeTest {

    /** Item 8: the WARN line about events of the other mode is written at most once a minute. */
    @Test
    void modeMismatchIsWarnedAtMostOnceAMinute() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
        EventScope live = new EventScope(true, clock);
        RecurrenteEvent testEvent = RecurrenteEvents.parse(text(
                contract("webhooks/payment_intent.succeeded.postman-docs.json").put("live_mode", false)));
        assertEquals(EventScope.MODE_MISMATCH, live.scope(testEvent));
        assertEquals(EventScope.MODE_MISMATCH, live.scope(testEvent));
        clock.now = clock.now.plusSeconds(59);
        assertEquals(EventScope.MODE_MISMATCH, live.scope(testEvent));
        assertEquals(3, live.modeMismatches());
        assertEquals(1, live.warnings());
        clock.now = clock.now.plusSeconds(2);
        live.scope(testEvent);
        assertEquals(2, live.warnings());
        // keys of neither prefix, or an event that says nothing of its mode: booked
        assertEquals(EventScope.BOOK, new EventScope("sk_merchant").scope(testEvent));
        assertEquals(
                EventScope.BOOK,
                live.scope(
                        RecurrenteEvents.parse(text(contract("webhooks/payment_intent.succeeded.postman-docs.json")))));
        assertEquals(EventScope.BOOK, new EventScope("sk_test_x").scope(testEvent));
    }

    @Test
    void connectedAccountEventsAreNotTheMerchants() throws Exception {
        RecurrenteEvent connected =
                RecurrenteEvents.parse(text(contract("webhooks/bank_transfer_intent.succeeded.postman-docs.json")
                        .put("connected", true)
                        .put("account_id", "ac_123456")));
        assertEquals(EventScope.CONNECTED, new EventScope("sk_live_x").scope(connected));
        RecurrenteEvent accountOnly =
                RecurrenteEvents.parse(text(contract("webhooks/bank_transfer_intent.succeeded.postman-docs.json")
                        .put("account_id", "ac_123456")));
        assertEquals(EventScope.CONNECTED, new EventScope("sk_live_x").scope(accountOnly));
    }

    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
