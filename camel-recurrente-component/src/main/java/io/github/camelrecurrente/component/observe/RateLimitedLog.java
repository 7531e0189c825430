package io.github.camelrecurrente.component.observe;

import java.util.function.LongSupplier;

import org.slf4j.Logger;

/**
 * At most {@code perWindow} WARN lines per window; what is left out is counted and summed up in one line when the
 * next window opens, so a flood of rejected deliveries cannot fill the disk.
 */
final class RateLimitedLog {

    private final Logger log;
    private final int perWindow;
    private final long windowMillis;
    private final LongSupplier clock;
    private long windowStart;
    private int written;
    private long suppressed;

    RateLimitedLog(Logger log, int perWindow, long windowMillis, LongSupplier clock) {
        this.log = log;
        this.perWindow = perWindow;
        this.windowMillis = windowMillis;
        this.clock = clock;
        this.windowStart = clock.getAsLong();
    }

    /** Writes the line at WARN unless this window's quota is spent; true when written. */
    boolean warn(String format, Object... args) {
        if (!log.isWarnEnabled()) {
            return false;
        }
        long dropped;
        synchronized (this) {
            long now = clock.getAsLong();
            dropped = 0;
            if (now - windowStart >= windowMillis) {
                dropped = suppressed;
                suppressed = 0;
                written = 0;
                windowStart = now;
            }
            if (written >= perWindow) {
                suppressed++;
                return false;
            }
            written++;
        }
        if (dropped > 0) {
            log.warn("{} more similar lines were left out in the previous {} s", dropped, windowMillis / 1000);
        }
        log.warn(format, args);
        return true;
    }

    synchronized long suppressed() {
        return suppressed;
    }
}
