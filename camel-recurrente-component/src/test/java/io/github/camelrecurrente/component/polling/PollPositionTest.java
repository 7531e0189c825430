package io.github.camelrecurrente.component.polling;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import io.github.camelrecurrente.component.RecurrenteException;
import io.github.camelrecurrente.component.model.Checkout;
import io.github.camelrecurrente.component.model.Coupon;
import io.github.camelrecurrente.component.model.RecurrenteJson;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PollPositionTest {

    private static final Instant T = Instant.parse("2026-11-22T10:15:30.123Z");

    @Test
    void markAndIdsAtTheSameInstant() {
        PollPosition p = new PollPosition(T);
        assertTrue(p.isNew(T, "ch_a"), "at the initial mark: inclusive");
        assertFalse(p.isNew(T.minusMillis(1), "ch_old"));
        p.advance(T, "ch_a");
        assertFalse(p.isNew(T, "ch_a"));
        assertTrue(p.isNew(T, "ch_b"), "another item at the same instant is still new");
        p.advance(T.plusMillis(5), "ch_c");
        assertEquals(T.plusMillis(5), p.mark());
        assertEquals(Set.of("ch_c"), p.idsAtMark());
        p.advance(T, "ch_b"); // never backwards
        assertEquals(T.plusMillis(5), p.mark());
        assertFalse(p.isNew(T, "ch_b"));
    }

    @Test
    void jsonRoundTripIsOneLine() {
        PollPosition p = new PollPosition(T);
        p.advance(T, "ch_a");
        p.advance(T, "ch_b");
        p.watch("ch_w", "unpaid", T.minusSeconds(60));
        p.watch("ch_n", null, T.minusSeconds(30));
        String json = p.toJson();
        assertFalse(json.contains("\n"));
        PollPosition q = PollPosition.fromJson(json);
        assertEquals(T, q.mark());
        assertEquals(Set.of("ch_a", "ch_b"), q.idsAtMark());
        assertEquals("unpaid", q.watch().get("ch_w").status());
        assertNull(q.watch().get("ch_n").status());
        assertEquals(T.minusSeconds(60), q.scanFloor());
        assertEquals(json, q.toJson());
        assertThrows(IllegalArgumentException.class, () -> PollPosition.fromJson("garbage"));
        assertThrows(IllegalArgumentException.class, () -> PollPosition.fromJson("{\"v\":99,\"mark\":\"" + T + "\"}"));
    }

    @Test
    void watchIsBounded() {
        PollPosition p = new PollPosition(T);
        for (int i = 0; i < 10; i++) {
            p.watch("ch_" + i, "unpaid", T.minusSeconds(100 - i));
        }
        assertEquals(4, p.trimWatch(6));
        assertEquals(
                Set.of("ch_4", "ch_5", "ch_6", "ch_7", "ch_8", "ch_9"),
                p.watch().keySet(),
                "oldest dropped");
        assertEquals(2, p.retainWatched(List.of("ch_4", "ch_5", "ch_6", "ch_7")));
        assertEquals(T.minusSeconds(96), p.scanFloor());
    }

    @Test
    void initialFromTimeForms() {
        Instant before = Instant.now().minusMillis(1);
        assertTrue(RecurrentePollingConsumer.parseInitialFromTime("now").isAfter(before));
        assertTrue(RecurrentePollingConsumer.parseInitialFromTime(null).isAfter(before));
        assertEquals(Instant.EPOCH, RecurrentePollingConsumer.parseInitialFromTime("1970-01-01T00:00:00Z"));
        assertEquals(
                Instant.parse("2026-01-01T06:00:00Z"),
                RecurrentePollingConsumer.parseInitialFromTime("2026-01-01T00:00:00-06:00"));
        assertEquals(
                Instant.parse("2026-03-01T00:00:00Z"), RecurrentePollingConsumer.parseInitialFromTime("2026-03-01"));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> RecurrentePollingConsumer.parseInitialFromTime("ayer"));
        assertTrue(e.getMessage().contains("initialFromTime"));
    }

    @Test
    void statusListIsCaseInsensitive() {
        assertEquals(Set.of("paid", "expired"), RecurrentePollingConsumer.parseStatuses(" Paid, expired ,"));
        assertTrue(RecurrentePollingConsumer.parseStatuses(null).isEmpty());
    }

    @Test
    void readsItemsIncludingCouponsWithoutADeclaredCreatedAt() throws Exception {
        Checkout c = RecurrenteJson.mapper()
                .readValue(
                        "{\"id\":\"ch_1\",\"status\":\"paid\",\"created_at\":\"2026-11-22T10:15:30.123Z\"}",
                        Checkout.class);
        PolledItem item = PolledItem.of(c);
        assertEquals("ch_1", item.id());
        assertEquals(T, item.createdAt());
        assertEquals("paid", item.status());

        Coupon coupon = RecurrenteJson.mapper()
                .readValue(
                        "{\"id\":\"coup_1\",\"status\":\"active\",\"created_at\":\"2026-11-22T04:15:30.123-06:00\"}",
                        Coupon.class);
        assertEquals(T, PolledItem.of(coupon).createdAt());

        // no timestamp (the documented products, coupons, customers): polled by identity, no error
        Checkout noTime = RecurrenteJson.mapper().readValue("{\"id\":\"ch_2\"}", Checkout.class);
        PolledItem undated = PolledItem.of(noTime);
        assertNull(undated.createdAt());
        assertFalse(undated.dated());
        Checkout noId = RecurrenteJson.mapper().readValue("{\"status\":\"paid\"}", Checkout.class);
        RecurrenteException e = assertThrows(RecurrenteException.class, () -> PolledItem.of(noId));
        assertTrue(e.getMessage().contains("without an id"), e.getMessage());
        assertEquals(OffsetDateTime.parse("2026-11-22T10:15:30.123Z").toInstant(), T);
    }
}
