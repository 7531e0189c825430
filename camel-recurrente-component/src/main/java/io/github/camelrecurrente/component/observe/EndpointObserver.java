package io.github.camelrecurrente.component.observe;

import java.time.Duration;
import java.time.Instant;

import io.github.camelrecurrente.component.RecurrenteEndpoint;
import io.github.camelrecurrente.component.client.ApiCallListener;
import io.github.camelrecurrente.component.client.RetryReason;
import io.github.camelrecurrente.component.paging.RepeatedPageGuard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything one endpoint tells an operator: it counts API calls (as the client's {@link ApiCallListener}), webhook
 * deliveries and polls for the health checks and the dev console, and passes them on to Micrometer when a
 * {@code MeterRegistry} is bound. Rejected deliveries are logged here, at WARN, rate-limited.
 */
public final class EndpointObserver implements ApiCallListener {

    /** Rejected deliveries are logged under the webhook package's name (documented in docs/operations.md). */
    static final String REJECTION_LOGGER = "io.github.camelrecurrente.component.webhook";

    private static final Logger LOG = LoggerFactory.getLogger(REJECTION_LOGGER);
    /** WARN lines about rejected deliveries: at most this many per minute and endpoint. */
    static final int REJECTION_LINES_PER_MINUTE = 10;

    private static final int MAX_ID_LENGTH = 64;

    /** Lists that ended at a repeated first page are logged under the paging package's name (docs/operations.md). */
    static final String PAGING_LOGGER = "io.github.camelrecurrente.component.paging";

    private static final Logger PAGING_LOG = LoggerFactory.getLogger(PAGING_LOGGER);
    /** WARN lines about lists that answer every item at once: at most one per hour and endpoint (our choice). */
    static final long UNPAGED_LIST_WINDOW_MILLIS = 3_600_000;

    private final RecurrenteEndpoint endpoint;
    private final ApiStats api = new ApiStats();
    private final WebhookStats webhook = new WebhookStats();
    private final PollStats poll = new PollStats();
    private final RateLimitedLog rejectionLog;
    private final RateLimitedLog unpagedListLog;
    private volatile Meters meters;
    private volatile String pollRouteId;
    private Runnable pollGauges;

    public EndpointObserver(RecurrenteEndpoint endpoint) {
        this.endpoint = endpoint;
        this.rejectionLog = new RateLimitedLog(LOG, REJECTION_LINES_PER_MINUTE, 60_000, System::currentTimeMillis);
        this.unpagedListLog = new RateLimitedLog(PAGING_LOG, 1, UNPAGED_LIST_WINDOW_MILLIS, System::currentTimeMillis);
    }

    RecurrenteEndpoint endpoint() {
        return endpoint;
    }

    private Meters meters() {
        Meters m = meters;
        if (m == null) {
            m = RecurrenteObservability.of(endpoint.getComponent()).meters();
            meters = m;
        }
        return m;
    }

    /** Forgets the meters found, so that the next use looks up the registry again (endpoint restart). */
    public void reset() {
        meters = null;
    }

    // ---------------------------------------------------------------- API calls (the client's listener)

    @Override
    public void callCompleted(String operation, int status, Throwable failure, long durationNanos) {
        ApiStats.Operation op = api.of(operation);
        op.calls.increment();
        String error = ErrorKinds.errorKind(status, failure);
        if (failure != null) {
            op.errors.increment();
        }
        op.lastStatus = status;
        op.lastError = error;
        meters().apiCall(
                        operation,
                        failure == null ? "success" : "failure",
                        ErrorKinds.statusClass(status),
                        error,
                        durationNanos);
    }

    @Override
    public void retrying(String operation, RetryReason reason, int attempt, long waitMillis) {
        api.of(operation).retries.increment();
        meters().retry(operation, reason.tag());
    }

    @Override
    public void retryAfterSeen(String operation, Duration retryAfter) {
        meters().retryAfter(retryAfter.toMillis() / 1000.0);
    }

    // ---------------------------------------------------------------- webhook

    /**
     * One delivery ended with this outcome. Rejections are logged at WARN with the reason and the delivery id (never
     * a secret, the signature or the body).
     *
     * @param eventType the event type when known (after parsing), else null
     * @param svixId    the delivery id header, as sent (may be null)
     * @param status    the HTTP status answered
     */
    public void delivery(WebhookOutcome outcome, String eventType, String svixId, int status) {
        webhook.record(outcome);
        meters().webhookDelivery(outcome, EventTypeTag.of(eventType));
        if (outcome.isRejected()) {
            rejectionLog.warn(
                    "Rejected webhook delivery svix-id={} on recurrente:events {}: {} (answered {})",
                    printable(svixId),
                    endpoint.getConfiguration().getWebhookPath(),
                    outcome.reason(),
                    status);
        }
    }

    /** The route took this long for a delivery of this type, and failed or not. */
    public void routed(String eventType, boolean failed, long nanos) {
        meters().webhookRoute(EventTypeTag.of(eventType), failed, nanos);
    }

    /** A header value fit for one log line: no line breaks, at most 64 characters. */
    static String printable(String value) {
        if (value == null) {
            return "(none)";
        }
        String v = value.length() > MAX_ID_LENGTH ? value.substring(0, MAX_ID_LENGTH) + "..." : value;
        StringBuilder sb = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            sb.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- polling

    /** A polling consumer of this endpoint started: registers its gauges. */
    public synchronized void pollingStarted(String routeId, long delayMillis) {
        pollRouteId = routeId == null ? "unknown" : routeId;
        poll.started(delayMillis);
        if (pollGauges != null) {
            pollGauges.run();
        }
        pollGauges = meters().pollGauges(pollRouteId, operationName(), () -> poll);
    }

    /** The polling consumer stopped: removes its gauges. */
    public synchronized void pollingStopped() {
        if (pollGauges != null) {
            pollGauges.run();
            pollGauges = null;
        }
    }

    public void pollSucceeded() {
        poll.succeeded();
        meters().poll(routeTag(), operationName(), true);
    }

    public void pollFailed(Throwable cause) {
        poll.failed(cause);
        meters().poll(routeTag(), operationName(), false);
    }

    public void itemEmitted(boolean isNew) {
        poll.emitted(isNew);
        meters().pollItem(routeTag(), operationName(), isNew);
    }

    /**
     * Where the poller stands after a poll.
     *
     * @param mark          the high-water mark (created_at of the last acknowledged item, or the start)
     * @param oldestPending created_at of the oldest item found but not emitted yet, or null when caught up
     * @param pending       how many items were found but not emitted yet
     */
    public void position(Instant mark, Instant oldestPending, int pending) {
        poll.position(mark, oldestPending, pending);
    }

    private String routeTag() {
        String r = pollRouteId;
        return r == null ? "unknown" : r;
    }

    private String operationName() {
        return String.valueOf(endpoint.getConfiguration().getOperation());
    }

    // ---------------------------------------------------------------- paging

    /**
     * A list of this endpoint (an {@code allPages=true} producer or a poll) asked for a later page and got the first
     * page again, so it ended with the first page. Expected of the lists documented without paging (intents, webhook
     * endpoints), which answer every item at once; one WARN line per hour at most for this endpoint.
     */
    public void listEndedAtRepeatedPage(RepeatedPageGuard.RepeatedPage repeated) {
        if (repeated.wholeListAtOnce()) {
            unpagedListLog.warn(
                    "recurrente:{} answered page {} with page {} again: page {} held all {} items (more than the"
                            + " {} asked for), so this list is not paged and it ended there, each item read once."
                            + " Expected for listIntents and listWebhookEndpoints, documented as one array; logged at"
                            + " most once an hour per endpoint",
                    repeated.operation(),
                    repeated.page(),
                    repeated.firstPage(),
                    repeated.firstPage(),
                    repeated.firstPageItems(),
                    repeated.pageSize());
        } else {
            unpagedListLog.warn(
                    "recurrente:{} answered page {} with page {} again (both start with {}): the list ended with the"
                            + " {} items of page {}. Expected for listIntents and listWebhookEndpoints (documented"
                            + " as one array, so those {} items are all of it); for another list the API ignored"
                            + " page, and items after the first {} were not read. Logged at most once an hour per"
                            + " endpoint",
                    repeated.operation(),
                    repeated.page(),
                    repeated.firstPage(),
                    printable(repeated.firstItemId()),
                    repeated.firstPageItems(),
                    repeated.firstPage(),
                    repeated.firstPageItems(),
                    repeated.firstPageItems());
        }
    }

    // ---------------------------------------------------------------- read side

    ApiStats api() {
        return api;
    }

    WebhookStats webhook() {
        return webhook;
    }

    public PollStats poll() {
        return poll;
    }

    String pollRouteId() {
        return pollRouteId;
    }

    long suppressedRejectionLines() {
        return rejectionLog.suppressed();
    }

    long suppressedUnpagedListLines() {
        return unpagedListLog.suppressed();
    }
}
