package io.github.camelrecurrente.component.client;

import java.time.Duration;

/**
 * Told about the calls a {@link RecurrenteClient} makes, for metrics and the dev console. Implemented outside the
 * client (the Camel layer); the client stays free of any metrics library. Implementations must be fast and must not
 * throw. Nothing passed here carries a key.
 */
public interface ApiCallListener {

    /** Listens to nothing. */
    ApiCallListener NONE = new ApiCallListener() {};

    /**
     * One call ended, after its retries: with a 2xx answer, an error answer, or an I/O error.
     *
     * @param operation     the operation name (e.g. {@code getCheckout})
     * @param status        the HTTP status of the last answer, or 0 when there was none (I/O error)
     * @param failure       the exception thrown to the caller, or null on success
     * @param durationNanos the whole call, retries and waits included
     */
    default void callCompleted(String operation, int status, Throwable failure, long durationNanos) {}

    /**
     * The client is about to retry a call.
     *
     * @param attempt    the number of this retry (1 for the first)
     * @param waitMillis how long it waits first
     */
    default void retrying(String operation, RetryReason reason, int attempt, long waitMillis) {}

    /** An answer carried a {@code Retry-After} header (the parsed wait). */
    default void retryAfterSeen(String operation, Duration retryAfter) {}
}
