package io.github.camelrecurrente.component.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecentDeliveryIdsTest {

    @Test
    void remembersAnIdOnceAndForgetsTheOldestBeyondItsCapacity() {
        RecentDeliveryIds ids = new RecentDeliveryIds(3);
        assertTrue(ids.add("msg_1"));
        assertFalse(ids.add("msg_1"), "a second add of the same id is a duplicate");
        assertTrue(ids.add("msg_2"));
        assertTrue(ids.add("msg_3"));
        assertTrue(ids.contains("msg_1"));
        assertTrue(ids.add("msg_4"), "a fourth id fits by forgetting the first");
        assertFalse(ids.contains("msg_1"));
        assertTrue(ids.contains("msg_2") && ids.contains("msg_3") && ids.contains("msg_4"));
        assertEquals(3, ids.size());
        assertTrue(ids.add("msg_1"), "a forgotten id is new again");
        assertFalse(ids.contains("msg_2"));
    }

    @Test
    void removeAndReAddKeepTheIdUntilItsNewSlotIsReused() {
        RecentDeliveryIds ids = new RecentDeliveryIds(2);
        ids.add("a");
        assertTrue(ids.remove("a"));
        assertFalse(ids.contains("a"));
        assertFalse(ids.remove("a"));
        ids.add("b");
        ids.add("a"); // takes slot 0, which still names "a": reusing it must not drop the fresh "a"
        assertTrue(ids.contains("a"));
        assertTrue(ids.contains("b"));
        ids.add("c"); // reuses slot 1 ("b")
        assertTrue(ids.contains("a"));
        assertFalse(ids.contains("b"));
    }

    @Test
    void clearForgetsEverything() {
        RecentDeliveryIds ids = new RecentDeliveryIds(5);
        for (int i = 0; i < 5; i++) {
            ids.add("m" + i);
        }
        ids.clear();
        assertEquals(0, ids.size());
        assertTrue(ids.add("m0"));
        assertTrue(ids.confirm("m0"));
    }

    @Test
    void capacityMustBePositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RecentDeliveryIds(0));
        assertTrue(e.getMessage().contains("capacity"));
    }

    @Test
    void concurrentAddsOfOneIdLetExactlyOneThrough() throws Exception {
        RecentDeliveryIds ids = new RecentDeliveryIds(1000);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 200; round++) {
                String id = "msg_" + round;
                CountDownLatch start = new CountDownLatch(1);
                AtomicInteger winners = new AtomicInteger();
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    futures.add(pool.submit(() -> {
                        start.await();
                        if (ids.add(id)) {
                            winners.incrementAndGet();
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> f : futures) {
                    f.get(10, TimeUnit.SECONDS);
                }
                assertEquals(1, winners.get(), id);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentDistinctAddsStayWithinCapacityAndKeepTheRecentOnes() throws Exception {
        int capacity = 500;
        RecentDeliveryIds ids = new RecentDeliveryIds(capacity);
        int threads = 8;
        int perThread = 5_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        assertTrue(ids.add("t" + thread + "_" + i));
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(capacity, ids.size(), "exactly the capacity once more ids than that were added");
        // after the concurrent phase, one more writer: the last `capacity` ids added are exactly the ones remembered
        for (int i = 0; i < capacity; i++) {
            ids.add("late_" + i);
        }
        assertEquals(capacity, ids.size());
        for (int i = 0; i < capacity; i++) {
            assertTrue(ids.contains("late_" + i));
        }
    }
}
