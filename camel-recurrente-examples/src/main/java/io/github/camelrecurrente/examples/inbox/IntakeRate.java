package io.github.camelrecurrente.examples.inbox;

import java.util.function.LongSupplier;

/**
 * How busy this node is receiving webhooks: the deliveries it stored in the current and the previous second. While it
 * is at or above {@code examples.burst.deliveries-per-second}, the node is in a burst and the background work (the
 * webhook inbox poster, the FEL outbox) claims small batches ({@code *.burst-batch-size}) each tick instead of full
 * ones (0: none), so the CPU goes to answering deliveries first; the backlog is worked off at full speed once the burst
 * is over. A small batch keeps the work moving during a burst that does not end; 0 pauses it for the burst. Our choice, measured in
 * docs/performance.md (month-end burst).
 */
public final class IntakeRate {

    private final int threshold;
    private final LongSupplier nanoTime;
    private long second = Long.MIN_VALUE;
    private int current;
    private int previous;

    /** @param threshold deliveries per second from which the node is in a burst; 0 = never */
    public IntakeRate(int threshold) {
        this(threshold, System::nanoTime);
    }

    IntakeRate(int threshold, LongSupplier nanoTime) {
        if (threshold < 0) {
            throw new IllegalArgumentException(
                    "examples.burst.deliveries-per-second must not be negative, got " + threshold);
        }
        this.threshold = threshold;
        this.nanoTime = nanoTime;
    }

    /** One delivery stored. */
    public synchronized void record() {
        roll();
        current++;
    }

    /** @return true while the node receives at least the threshold per second */
    public synchronized boolean busy() {
        if (threshold == 0) {
            return false;
        }
        roll();
        return Math.max(current, previous) >= threshold;
    }

    /**
     * Checks a {@code *.burst-batch-size} setting.
     *
     * @return the value
     * @throws IllegalArgumentException naming the property when it is negative
     */
    public static int checkBurstBatchSize(String property, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(
                    property + " must not be negative (0 pauses the work during a burst), got " + value);
        }
        return value;
    }

    /** The batch size for background work now: {@code burst} while busy (0: none), else {@code normal}. */
    public int batchSize(int normal, int burst) {
        return busy() ? Math.min(normal, burst) : normal;
    }

    private void roll() {
        long now = nanoTime.getAsLong() / 1_000_000_000L;
        if (now != second) {
            previous = now == second + 1 ? current : 0;
            current = 0;
            second = now;
        }
    }
}
