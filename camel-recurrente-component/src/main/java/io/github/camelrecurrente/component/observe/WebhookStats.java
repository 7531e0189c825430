package io.github.camelrecurrente.component.observe;

import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** Webhook deliveries of one endpoint by outcome, and the run of signature failures the health check reads. */
final class WebhookStats {

    private final Map<WebhookOutcome, LongAdder> outcomes = new EnumMap<>(WebhookOutcome.class);
    private final AtomicInteger consecutiveSignatureFailures = new AtomicInteger();
    private volatile Instant lastDelivery;
    private volatile Instant lastAccepted;
    private volatile WebhookOutcome lastRejection;

    WebhookStats() {
        for (WebhookOutcome o : WebhookOutcome.values()) {
            outcomes.put(o, new LongAdder());
        }
    }

    void record(WebhookOutcome outcome) {
        outcomes.get(outcome).increment();
        lastDelivery = Instant.now();
        if (outcome.isSignatureFailure()) {
            consecutiveSignatureFailures.incrementAndGet();
        } else if (outcome.passedVerification()) {
            consecutiveSignatureFailures.set(0);
        }
        if (outcome.isRejected()) {
            lastRejection = outcome;
        } else if (outcome == WebhookOutcome.ACCEPTED) {
            lastAccepted = lastDelivery;
        }
    }

    long count(WebhookOutcome outcome) {
        return outcomes.get(outcome).sum();
    }

    long total() {
        return outcomes.values().stream().mapToLong(LongAdder::sum).sum();
    }

    int consecutiveSignatureFailures() {
        return consecutiveSignatureFailures.get();
    }

    Instant lastDelivery() {
        return lastDelivery;
    }

    Instant lastAccepted() {
        return lastAccepted;
    }

    WebhookOutcome lastRejection() {
        return lastRejection;
    }

    /** Outcome label to count, the outcomes seen so far only. */
    Map<String, Long> snapshot() {
        Map<String, Long> out = new LinkedHashMap<>();
        outcomes.forEach((k, v) -> {
            long n = v.sum();
            if (n > 0) {
                out.put(k.label(), n);
            }
        });
        return out;
    }
}
