package io.github.camelrecurrente.component.observe;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** What one polling consumer did: polls, failures, items, its position and lag. Read by gauges, check and console. */
public final class PollStats {

    private final LongAdder polls = new LongAdder();
    private final LongAdder failedPolls = new LongAdder();
    private final LongAdder newItems = new LongAdder();
    private final LongAdder statusChanges = new LongAdder();
    private volatile Instant started = Instant.now();
    private volatile long periodMillis;
    private volatile Instant lastSuccess;
    private volatile Instant lastFailure;
    private volatile String lastError;
    private volatile Instant position;
    private volatile Instant oldestPending;
    private volatile int pending;

    void started(long periodMillis) {
        this.started = Instant.now();
        this.periodMillis = periodMillis;
    }

    void succeeded() {
        polls.increment();
        lastSuccess = Instant.now();
    }

    void failed(Throwable cause) {
        polls.increment();
        failedPolls.increment();
        lastFailure = Instant.now();
        lastError = cause == null ? null : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    void emitted(boolean isNew) {
        (isNew ? newItems : statusChanges).increment();
    }

    void position(Instant mark, Instant oldestPending, int pending) {
        this.position = mark;
        this.oldestPending = oldestPending;
        this.pending = pending;
    }

    public Instant lastSuccess() {
        return lastSuccess;
    }

    public long periodMillis() {
        return periodMillis;
    }

    public Instant started() {
        return started;
    }

    /** Seconds since the last successful poll; before the first one, since the consumer started. */
    double lastSuccessAgeSeconds() {
        Instant since = lastSuccess != null ? lastSuccess : started;
        return Duration.between(since, Instant.now()).toMillis() / 1000.0;
    }

    /** Age of the oldest item found but not yet emitted; 0 when the consumer is caught up. */
    double lagSeconds() {
        Instant p = oldestPending;
        return p == null ? 0 : Math.max(0, Duration.between(p, Instant.now()).toMillis() / 1000.0);
    }

    double periodSeconds() {
        return periodMillis / 1000.0;
    }

    long polls() {
        return polls.sum();
    }

    long failedPolls() {
        return failedPolls.sum();
    }

    long itemsEmitted() {
        return newItems.sum() + statusChanges.sum();
    }

    Map<String, Object> snapshot() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("position", position == null ? null : position.toString());
        m.put("polls", polls.sum());
        m.put("failedPolls", failedPolls.sum());
        m.put("itemsEmitted", newItems.sum());
        m.put("statusChangesEmitted", statusChanges.sum());
        m.put("pending", pending);
        m.put("lagSeconds", lagSeconds());
        m.put("lastSuccess", lastSuccess == null ? null : lastSuccess.toString());
        m.put("lastFailure", lastFailure == null ? null : lastFailure.toString());
        m.put("lastError", lastError);
        m.put("periodMillis", periodMillis);
        return m;
    }
}
