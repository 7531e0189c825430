package io.github.camelrecurrente.component.observe;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.apache.camel.CamelContext;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.component.micrometer.MicrometerUtils;

/**
 * The Micrometer side of {@link Meters}: the only class of the component that imports Micrometer (and
 * camel-micrometer), loaded only when camel-micrometer is on the class path and a {@link MeterRegistry} is bound. Meters are created on first use and cached.
 * Names follow Micrometer's dotted convention (Prometheus shows {@code recurrente.api.calls} as
 * {@code recurrente_api_calls_seconds_*}); every meter carries the {@code component} tag (the component's name in
 * the CamelContext, e.g. {@code recurrente} or {@code recurrente-tienda2}).
 */
final class MicrometerMeters implements Meters {

    static final String API_CALLS = "recurrente.api.calls";
    static final String API_RETRIES = "recurrente.api.retries";
    static final String API_RETRY_AFTER = "recurrente.api.retry.after.last";
    static final String WEBHOOK_DELIVERIES = "recurrente.webhook.deliveries";
    static final String WEBHOOK_ROUTE = "recurrente.webhook.route";
    static final String POLLS = "recurrente.poll.polls";
    static final String POLL_ITEMS = "recurrente.poll.items";
    static final String POLL_LAST_SUCCESS_AGE = "recurrente.poll.last.success.age";
    static final String POLL_LAG = "recurrente.poll.lag";
    static final String POLL_PERIOD = "recurrente.poll.period";

    private final MeterRegistry registry;
    private final Tags base;
    private final ConcurrentMap<String, Meter> cache = new ConcurrentHashMap<>();
    private final AtomicLong lastRetryAfterMillis = new AtomicLong();

    private MicrometerMeters(MeterRegistry registry, String component) {
        this.registry = registry;
        this.base = Tags.of("component", component);
        Gauge.builder(API_RETRY_AFTER, lastRetryAfterMillis, v -> v.get() / 1000.0)
                .description("The last Retry-After the Recurrente API sent (seconds)")
                .baseUnit("seconds")
                .tags(base)
                .strongReference(true)
                .register(registry);
    }

    /**
     * The registry camel-micrometer's own routes and exchanges record to, found by camel-micrometer's lookup
     * ({@code metricsRegistry}, else the only composite registry, e.g. the one Spring Boot builds over Prometheus and
     * another registry, else the only registry), or {@link #NONE}.
     */
    static Meters lookup(CamelContext context, String component) {
        MeterRegistry found = MicrometerUtils.getMeterRegistryFromCamelRegistry(
                context.getRegistry(), MicrometerConstants.METRICS_REGISTRY_NAME);
        return found == null ? NONE : new MicrometerMeters(found, component);
    }

    @Override
    public void apiCall(String operation, String outcome, String statusClass, String error, long nanos) {
        Timer t = (Timer) cache.computeIfAbsent(
                API_CALLS + '|' + operation + '|' + statusClass + '|' + error,
                k -> Timer.builder(API_CALLS)
                        .description("Recurrente API calls (retries and waits included), by operation and outcome")
                        .tags(base)
                        .tags("operation", operation, "outcome", outcome, "status", statusClass, "error", error)
                        .register(registry));
        t.record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void retry(String operation, String reason) {
        counter(
                        API_RETRIES + '|' + operation + '|' + reason,
                        () -> Counter.builder(API_RETRIES)
                                .description("Retries of Recurrente API calls by the component")
                                .tags(base)
                                .tags("operation", operation, "reason", reason))
                .increment();
    }

    @Override
    public void retryAfter(double seconds) {
        lastRetryAfterMillis.set(Math.round(seconds * 1000));
    }

    @Override
    public void webhookDelivery(WebhookOutcome outcome, String eventType) {
        counter(
                        WEBHOOK_DELIVERIES + '|' + outcome + '|' + eventType,
                        () -> Counter.builder(WEBHOOK_DELIVERIES)
                                .description("Webhook deliveries received, by outcome")
                                .tags(base)
                                .tags(
                                        "outcome",
                                        outcome.outcome(),
                                        "reason",
                                        outcome.reason(),
                                        "event.type",
                                        eventType))
                .increment();
    }

    @Override
    public void webhookRoute(String eventType, boolean failed, long nanos) {
        String outcome = failed ? "failure" : "success";
        Timer t = (Timer) cache.computeIfAbsent(
                WEBHOOK_ROUTE + '|' + eventType + '|' + outcome,
                k -> Timer.builder(WEBHOOK_ROUTE)
                        .description("Time the route took for a webhook delivery")
                        .tags(base)
                        .tags("event.type", eventType, "outcome", outcome)
                        .register(registry));
        t.record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void poll(String routeId, String operation, boolean success) {
        String outcome = success ? "success" : "failure";
        counter(
                        POLLS + '|' + routeId + '|' + operation + '|' + outcome,
                        () -> Counter.builder(POLLS)
                                .description("Polls of a Recurrente list operation")
                                .tags(base)
                                .tags("route", routeId, "operation", operation, "outcome", outcome))
                .increment();
    }

    @Override
    public void pollItem(String routeId, String operation, boolean isNew) {
        String kind = isNew ? "new" : "status_change";
        counter(
                        POLL_ITEMS + '|' + routeId + '|' + operation + '|' + kind,
                        () -> Counter.builder(POLL_ITEMS)
                                .description("Items a polling consumer emitted (routed successfully)")
                                .tags(base)
                                .tags("route", routeId, "operation", operation, "kind", kind))
                .increment();
    }

    @Override
    public Runnable pollGauges(String routeId, String operation, Supplier<PollStats> stats) {
        Tags tags = base.and("route", routeId, "operation", operation);
        List<Meter> gauges = List.of(
                Gauge.builder(POLL_LAST_SUCCESS_AGE, stats, s -> s.get().lastSuccessAgeSeconds())
                        .description("Seconds since the last successful poll (since the consumer started, before it)")
                        .baseUnit("seconds")
                        .tags(tags)
                        .strongReference(true)
                        .register(registry),
                Gauge.builder(POLL_LAG, stats, s -> s.get().lagSeconds())
                        .description("Age of the oldest item found but not yet emitted (0 when caught up)")
                        .baseUnit("seconds")
                        .tags(tags)
                        .strongReference(true)
                        .register(registry),
                Gauge.builder(POLL_PERIOD, stats, s -> s.get().periodSeconds())
                        .description("The consumer's poll delay")
                        .baseUnit("seconds")
                        .tags(tags)
                        .strongReference(true)
                        .register(registry));
        return () -> gauges.forEach(registry::remove);
    }

    private Counter counter(String key, Supplier<Counter.Builder> builder) {
        return (Counter) cache.computeIfAbsent(key, k -> builder.get().register(registry));
    }
}
