package io.github.camelrecurrente.component.observe;

import java.util.function.Supplier;

/**
 * Where the component's measurements go. Free of Micrometer types, so the component runs without Micrometer on the
 * class path; {@link #NONE} when no {@code MeterRegistry} is bound. Tag values passed here are bounded, fixed
 * vocabularies (operation names, status classes, outcome names, known event types): never an id, key or customer
 * value.
 */
interface Meters {

    /** Records nothing. */
    Meters NONE = new Meters() {};

    default void apiCall(String operation, String outcome, String statusClass, String error, long nanos) {}

    default void retry(String operation, String reason) {}

    default void retryAfter(double seconds) {}

    default void webhookDelivery(WebhookOutcome outcome, String eventType) {}

    default void webhookRoute(String eventType, boolean failed, long nanos) {}

    default void poll(String routeId, String operation, boolean success) {}

    default void pollItem(String routeId, String operation, boolean isNew) {}

    /**
     * Registers the polling gauges of one consumer.
     *
     * @return what removes them again (when the consumer stops)
     */
    default Runnable pollGauges(String routeId, String operation, Supplier<PollStats> stats) {
        return () -> {};
    }
}
