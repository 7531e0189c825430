package io.github.camelrecurrente.examples.invoicing.fel;

import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Caps the requests to a certifier: at most {@code maxConcurrent} at a time, and at most {@code perSecond} starting
 * in any one second (any half-open window of one second, not calendar seconds).
 * <p>
 * How: a request first takes one of {@code maxConcurrent} permits, then a start time, under a lock: now, when now is
 * at least a second after the start {@code perSecond} starts earlier; else it waits until then and tries again, one
 * thread at a time (the others queue for their turn, so that they do not all wake for one start). The start is
 * recorded at the moment it is taken, right before the request is sent (not reserved before the wait: a
 * thread that wakes late on a busy machine would send next to one sent on time), so the {@code k}-th start is never
 * less than a second after the {@code (k-perSecond)}-th: the cap holds exactly on the requests as sent, whatever the
 * number of threads. The clock and the wait are injectable ({@link Ticker},
 * {@link Sleeper}) so that tests check it exactly without timing anything.
 */
public final class RequestThrottle {

    /** A monotonic clock in nanoseconds. */
    @FunctionalInterface
    public interface Ticker {
        long nanos();
    }

    /** Waits; the default sleeps. */
    @FunctionalInterface
    public interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    /** A taken permit: close it when the request is over (answered or failed). */
    public static final class Permit implements AutoCloseable {
        private final RequestThrottle owner;
        private final long startNanos;
        private final AtomicBoolean closed = new AtomicBoolean();

        private Permit(RequestThrottle owner, long startNanos) {
            this.owner = owner;
            this.startNanos = startNanos;
        }

        /** @return the start time this request reserved (on the throttle's ticker) */
        public long startNanos() {
            return startNanos;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                owner.concurrent.release();
            }
        }
    }

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final long NOT_NOW = Long.MIN_VALUE;

    private final int perSecond;
    private final long window;
    private final int maxConcurrent;
    private final Semaphore concurrent;
    /** The turn to wait for a start: held by the one thread waiting on the clock. */
    private final ReentrantLock turn = new ReentrantLock(true);

    private final Ticker ticker;
    private final Sleeper sleeper;
    private final long[] lastStarts;
    private int oldest;
    private int reserved;

    /** A throttle on the system clock. */
    public RequestThrottle(int perSecond, int maxConcurrent) {
        this(perSecond, maxConcurrent, 0, System::nanoTime, TimeUnit.NANOSECONDS::sleep);
    }

    /**
     * A throttle on the system clock whose window is a second and {@code marginNanos}: the {@code k}-th start is at
     * least that long after the {@code (k-perSecond)}-th, so that the requests still respect the cap per second when
     * they arrive a little bunched (the network, the server's own queue).
     */
    public RequestThrottle(int perSecond, int maxConcurrent, long marginNanos) {
        this(perSecond, maxConcurrent, marginNanos, System::nanoTime, TimeUnit.NANOSECONDS::sleep);
    }

    public RequestThrottle(int perSecond, int maxConcurrent, Ticker ticker, Sleeper sleeper) {
        this(perSecond, maxConcurrent, 0, ticker, sleeper);
    }

    public RequestThrottle(int perSecond, int maxConcurrent, long marginNanos, Ticker ticker, Sleeper sleeper) {
        if (perSecond < 1 || maxConcurrent < 1) {
            throw new IllegalArgumentException("the caps are at least 1 request per second and 1 at a time");
        }
        if (marginNanos < 0 || marginNanos >= SECOND) {
            throw new IllegalArgumentException("the margin is 0 or more and less than a second");
        }
        this.window = SECOND + marginNanos;
        this.perSecond = perSecond;
        this.maxConcurrent = maxConcurrent;
        this.concurrent = new Semaphore(maxConcurrent, true);
        this.ticker = ticker;
        this.sleeper = sleeper;
        this.lastStarts = new long[perSecond];
    }

    /**
     * Waits for a permit and for the request's turn.
     *
     * @throws InterruptedException when interrupted while waiting (no permit is then held)
     */
    public Permit acquire() throws InterruptedException {
        concurrent.acquire();
        try {
            // one thread at a time waits for the next start, the others queue behind it (in order): threads that all
            // slept until the same instant would all wake for one start and sleep again
            turn.lockInterruptibly();
            try {
                while (true) {
                    long start = takeIfDue();
                    if (start != NOT_NOW) {
                        return new Permit(this, start);
                    }
                    long wait = nextDue() - ticker.nanos();
                    if (wait > 0) {
                        sleeper.sleepNanos(wait);
                    }
                }
            } finally {
                turn.unlock();
            }
        } catch (InterruptedException | RuntimeException e) {
            concurrent.release();
            throw e;
        }
    }

    /**
     * Takes a start now when the cap allows it: the start recorded is the moment the request goes, not a time
     * reserved before a wait (a thread that wakes late, on a busy machine, would otherwise send later than its
     * reserved time, next to one sent on time, and the requests as sent would pass the cap).
     *
     * @return the start taken, or {@link #NOT_NOW}
     */
    private synchronized long takeIfDue() {
        return reserve();
    }

    /** @return when the next start is allowed */
    private synchronized long nextDue() {
        return reserved == perSecond ? lastStarts[oldest] + window : ticker.nanos();
    }

    /** @return a permit when one is free and the request may start now, else empty (nothing reserved) */
    public Optional<Permit> tryAcquire() {
        if (!concurrent.tryAcquire()) {
            return Optional.empty();
        }
        long start = reserve();
        if (start == NOT_NOW) {
            concurrent.release();
            return Optional.empty();
        }
        return Optional.of(new Permit(this, start));
    }

    /** @return the permits in use */
    public int inUse() {
        return maxConcurrent - concurrent.availablePermits();
    }

    /** @return the threads waiting for a permit */
    public int waiting() {
        return concurrent.getQueueLength();
    }

    /** @return the cap per second */
    public int perSecond() {
        return perSecond;
    }

    /** @return the cap on concurrent requests */
    public int maxConcurrent() {
        return maxConcurrent;
    }

    /** @return the start taken now when the cap allows it (recorded), else {@link #NOT_NOW} (nothing recorded) */
    private synchronized long reserve() {
        long now = ticker.nanos();
        if (reserved == perSecond) {
            if (lastStarts[oldest] + window - now > 0) {
                return NOT_NOW;
            }
        } else {
            reserved++;
        }
        lastStarts[oldest] = now;
        oldest = (oldest + 1) % perSecond;
        return now;
    }
}
