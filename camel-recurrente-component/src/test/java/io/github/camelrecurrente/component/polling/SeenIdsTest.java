package io.github.camelrecurrente.component.polling;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bounded set of seen ids and its place in the stored position. */
class SeenIdsTest {

    @Test
    void forgetsTheIdNotSeenForTheLongestTime() {
        SeenIds seen = new SeenIds(3);
        seen.put("a", null);
        seen.put("b", null);
        seen.put("c", null);
        assertTrue(seen.contains("a")); // a is seen again: b is now the least recently seen
        seen.put("d", null);
        assertEquals(3, seen.size());
        assertFalse(seen.contains("b"));
        assertTrue(seen.contains("a") && seen.contains("c") && seen.contains("d"));
        assertEquals(1, seen.evicted());
        assertThrows(IllegalArgumentException.class, () -> new SeenIds(0));
    }

    @Test
    void putTellsWhetherTheStoredStateChanged() {
        SeenIds seen = new SeenIds(10);
        assertTrue(seen.put("prod_1", "active"));
        assertFalse(seen.put("prod_1", "active"));
        assertTrue(seen.put("prod_1", "archived"));
        assertEquals("archived", seen.status("prod_1"));
        assertTrue(seen.put("cus_1", null));
        assertTrue(seen.contains("cus_1"));
        assertNull(seen.status("cus_1"));
    }

    @Test
    void aHundredThousandIdsFitInAFewMegabytesAndRoundTrip() {
        PollPosition p = new PollPosition(Instant.parse("2026-12-01T00:00:00Z"));
        for (int i = 0; i < SeenIds.DEFAULT_CAPACITY; i++) {
            p.seen().put("prod_" + Integer.toString(1_000_000 + i, 36), i % 2 == 0 ? "active" : "archived");
        }
        p.markBaselined();
        String json = p.toJson();
        assertFalse(json.contains("\n"), "one line, for FileStateRepository");
        assertTrue(json.length() < 4_000_000, "stored size " + json.length());
        System.out.println("100 000 seen ids with statuses: " + json.length() + " characters stored");

        PollPosition back = PollPosition.fromJson(json);
        assertTrue(back.baselined());
        assertEquals(SeenIds.DEFAULT_CAPACITY, back.seen().size());
        assertEquals("active", back.seen().status("prod_" + Integer.toString(1_000_000, 36)));
        assertEquals("archived", back.seen().status("prod_" + Integer.toString(1_000_001, 36)));

        // read with a smaller capacity: the most recently seen ids are kept
        PollPosition small = PollPosition.fromJson(json, 10);
        assertEquals(10, small.seen().size());
        assertTrue(small.seen().contains("prod_" + Integer.toString(1_000_000 + 99_999, 36)));
        assertFalse(small.seen().contains("prod_" + Integer.toString(1_000_000, 36)));
    }

    @Test
    void aPositionWrittenBeforeIdentityPollingTakesANewBaseline() {
        PollPosition old = PollPosition.fromJson("{\"v\":1,\"mark\":\"2026-11-22T10:15:30.123Z\",\"ids\":[\"ch_1\"]}");
        assertFalse(old.baselined());
        assertTrue(old.seen().isEmpty());
        assertTrue(old.idsAtMark().contains("ch_1"));
        String json = old.toJson();
        assertTrue(json.contains("\"baseline\":false") && !json.contains("\"seen\""), json);
    }
}
