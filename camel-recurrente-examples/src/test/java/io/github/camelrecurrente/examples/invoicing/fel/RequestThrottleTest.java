package io.github.camelrecurrente.examples.invoicing.fel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The caps on requests per second and at a time, checked exactly on a controllable clock (nothing is timed). */
class RequestThrottleTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    /** A clock that only moves when someone waits on it (or the test moves it). */
    static class FakeClock implements RequestThrottle.Ticker, RequestThrottle.Sleeper {
        final AtomicLong now = new AtomicLong(1_000 * SECOND);
        final List<Long> sleeps = Collections.synchronizedList(new ArrayList<>());

        @Override
        public long nanos() {
            return now.get();
        }

        @Override
        public void sleepNanos(long nanos) {
            sleeps.add(nanos);
            long target = now.get() + nanos;
            now.accumulateAndGet(target, Math::max);
        }

        void advance(long nanos) {
            now.addAndGet(nanos);
        }
    }

    @Test
    void atMostPerSecondStartInOneSecond() throws Exception {
        FakeClock clock = new FakeClock();
        long t0 = clock.nanos();
        RequestThrottle throttle = new RequestThrottle(3, 10, clock, clock);
        List<Long> starts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            try (RequestThrottle.Permit p = throttle.acquire()) {
                starts.add(p.startNanos() - t0);
            }
        }
        assertEquals(
                List.of(0L, 0L, 0L, SECOND, SECOND, SECOND, 2 * SECOND, 2 * SECOND, 2 * SECOND, 3 * SECOND), starts);
        assertEquals(List.of(SECOND, SECOND, SECOND), clock.sleeps);
    }

    @Test
    void aThreadThatWakesLateStartsWhenItSendsAndTheCapHoldsOnTheRequestsAsSent() throws Exception {
        // a busy machine: every wait lasts 300 ms longer than asked
        FakeClock late = new FakeClock() {
            @Override
            public void sleepNanos(long nanos) {
                super.sleepNanos(nanos + 300_000_000L);
            }
        };
        long t0 = late.nanos();
        RequestThrottle throttle = new RequestThrottle(2, 10, late, late);
        List<Long> sent = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            try (RequestThrottle.Permit p = throttle.acquire()) {
                // the request goes now: its start is now, not a time reserved before the wait
                assertEquals(late.nanos(), p.startNanos(), "start " + i);
                sent.add(late.nanos() - t0);
            }
        }
        long ms = 1_000_000L;
        assertEquals(List.of(0L, 0L, 1300 * ms, 1300 * ms, 2600 * ms, 2600 * ms, 3900 * ms), sent);
        assertEquals(2, maxInAnyWindow(sent));
    }

    @Test
    void aMarginWidensTheWindowSoThatBunchedArrivalsStayUnderTheCap() throws Exception {
        FakeClock clock = new FakeClock();
        long t0 = clock.nanos();
        long ms = 1_000_000L;
        RequestThrottle throttle = new RequestThrottle(2, 10, 100 * ms, clock, clock);
        List<Long> starts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            try (RequestThrottle.Permit p = throttle.acquire()) {
                starts.add(p.startNanos() - t0);
            }
        }
        assertEquals(List.of(0L, 0L, 1100 * ms, 1100 * ms, 2200 * ms, 2200 * ms), starts);
        assertThrows(IllegalArgumentException.class, () -> new RequestThrottle(2, 10, SECOND, clock, clock));
    }

    @Test
    void theWindowSlidesWithIrregularArrivals() throws Exception {
        FakeClock clock = new FakeClock();
        int perSecond = 5;
        RequestThrottle throttle = new RequestThrottle(perSecond, 100, clock, clock);
        Random random = new Random(42);
        List<Long> arrivals = new ArrayList<>();
        List<Long> starts = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            clock.advance(random.nextInt(4) == 0 ? random.nextInt(700) * 1_000_000L : 0);
            arrivals.add(clock.nanos());
            try (RequestThrottle.Permit p = throttle.acquire()) {
                starts.add(p.startNanos());
            }
        }
        for (int i = 0; i < starts.size(); i++) {
            long expected =
                    i < perSecond ? arrivals.get(i) : Math.max(arrivals.get(i), starts.get(i - perSecond) + SECOND);
            assertEquals(expected, starts.get(i), "start " + i + ": as early as the cap allows, never earlier");
        }
        assertEquals(perSecond, maxInAnyWindow(starts));
    }

    @Test
    void manyThreadsNeverPassTheCaps() throws Exception {
        FakeClock clock = new FakeClock();
        RequestThrottle throttle = new RequestThrottle(7, 3, clock, clock);
        AtomicInteger inUse = new AtomicInteger();
        AtomicInteger maxInUse = new AtomicInteger();
        List<Long> starts = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        try (RequestThrottle.Permit p = throttle.acquire()) {
                            maxInUse.accumulateAndGet(inUse.incrementAndGet(), Math::max);
                            starts.add(p.startNanos());
                            inUse.decrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(200, starts.size());
        assertTrue(maxInUse.get() <= 3, "at most 3 at a time: " + maxInUse.get());
        assertTrue(maxInAnyWindow(new ArrayList<>(starts)) <= 7, "at most 7 per second");
        assertEquals(0, throttle.inUse());
    }

    @Test
    void atMostMaxConcurrentAtATime() {
        FakeClock clock = new FakeClock();
        RequestThrottle throttle = new RequestThrottle(100, 2, clock, clock);
        RequestThrottle.Permit a = throttle.tryAcquire().orElseThrow();
        RequestThrottle.Permit b = throttle.tryAcquire().orElseThrow();
        assertTrue(throttle.tryAcquire().isEmpty());
        assertEquals(2, throttle.inUse());
        a.close();
        a.close(); // closing twice releases once
        assertEquals(1, throttle.inUse());
        RequestThrottle.Permit c = throttle.tryAcquire().orElseThrow();
        assertTrue(throttle.tryAcquire().isEmpty());
        b.close();
        c.close();
        assertEquals(0, throttle.inUse());
    }

    @Test
    void tryAcquireRespectsTheRateWithoutReserving() {
        FakeClock clock = new FakeClock();
        RequestThrottle throttle = new RequestThrottle(2, 10, clock, clock);
        throttle.tryAcquire().orElseThrow().close();
        throttle.tryAcquire().orElseThrow().close();
        assertTrue(throttle.tryAcquire().isEmpty());
        assertEquals(0, throttle.inUse());
        clock.advance(SECOND - 1);
        assertTrue(throttle.tryAcquire().isEmpty());
        clock.advance(1);
        assertTrue(throttle.tryAcquire().isPresent());
    }

    @Test
    void aBlockedRequestGoesWhenAPermitIsReleased() throws Exception {
        FakeClock clock = new FakeClock();
        RequestThrottle throttle = new RequestThrottle(100, 1, clock, clock);
        RequestThrottle.Permit held = throttle.acquire();
        CountDownLatch acquired = new CountDownLatch(1);
        Thread waiter = new Thread(() -> {
            try (RequestThrottle.Permit p = throttle.acquire()) {
                acquired.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiter.start();
        while (throttle.waiting() == 0) {
            Thread.onSpinWait();
        }
        assertEquals(1, acquired.getCount(), "still waiting while the permit is held");
        held.close();
        assertTrue(acquired.await(30, TimeUnit.SECONDS));
        waiter.join();
    }

    @Test
    void anInterruptedWaitHoldsNoPermit() throws Exception {
        FakeClock clock = new FakeClock();
        RequestThrottle throttle = new RequestThrottle(1, 1, clock, clock);
        RequestThrottle.Permit held = throttle.acquire();
        AtomicInteger interrupted = new AtomicInteger();
        Thread waiter = new Thread(() -> {
            try {
                throttle.acquire().close();
            } catch (InterruptedException e) {
                interrupted.incrementAndGet();
            }
        });
        waiter.start();
        while (throttle.waiting() == 0) {
            Thread.onSpinWait();
        }
        waiter.interrupt();
        waiter.join();
        assertEquals(1, interrupted.get());
        assertEquals(1, throttle.inUse());
        held.close();
        assertEquals(0, throttle.inUse());
    }

    /** The most starts in any half-open window of one second. */
    static int maxInAnyWindow(List<Long> starts) {
        List<Long> sorted = new ArrayList<>(starts);
        Collections.sort(sorted);
        int max = 0;
        int from = 0;
        for (int to = 0; to < sorted.size(); to++) {
            while (sorted.get(to) - sorted.get(from) >= SECOND) {
                from++;
            }
            max = Math.max(max, to - from + 1);
        }
        return max;
    }
}
