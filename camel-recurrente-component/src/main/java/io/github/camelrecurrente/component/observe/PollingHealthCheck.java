package io.github.camelrecurrente.component.observe;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.ScheduledPollConsumerHealthCheck;

/**
 * The polling consumer's check ({@code consumer:<routeId>}, in Camel's consumers repository): Camel's own scheduled
 * poll check (DOWN while polls fail), plus the last success time, the position and the lag, and DOWN when the last
 * successful poll is older than {@value #STALE_PERIODS} poll periods (e.g. a scheduler that no longer runs). Neither
 * liveness nor readiness (see {@link #isReadiness()}).
 */
public final class PollingHealthCheck extends RecurrenteHealthCheck {

    /** After this many poll periods without a successful poll the check is DOWN. */
    public static final int STALE_PERIODS = 3;

    private final ScheduledPollConsumerHealthCheck delegate;
    private final EndpointObserver observer;

    public PollingHealthCheck(ScheduledPollConsumer consumer, String id, EndpointObserver observer) {
        super(id);
        this.delegate = new ScheduledPollConsumerHealthCheck(consumer, id);
        this.observer = observer;
    }

    @Override
    public String getGroup() {
        return delegate.getGroup();
    }

    /**
     * Not readiness: polls fail while the Recurrente API is down, and an API outage must not take the application
     * (its webhook intake) out of its Kubernetes Service. Reported by the full {@code /observe/health}: alert on it.
     * Camel's consumers repository wraps this check in one that is both liveness and readiness; asked as either, a
     * DOWN state is answered UP with {@code polling.state=DOWN} (see {@link #doCall}).
     */
    @Override
    public boolean isReadiness() {
        return false;
    }

    @Override
    public void setEnabled(boolean enabled) {
        super.setEnabled(enabled);
        delegate.setEnabled(enabled);
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        HealthCheck.Result camel = delegate.call(options);
        builder.state(camel.getState());
        camel.getMessage().ifPresent(builder::message);
        camel.getError().ifPresent(builder::error);
        builder.details(camel.getDetails());
        PollStats stats = observer.poll();
        Map<String, Object> snapshot = stats.snapshot();
        builder.detail("last.success.time", snapshot.get("lastSuccess"));
        builder.detail("position", snapshot.get("position"));
        builder.detail("lag.seconds", stats.lagSeconds());
        builder.detail("polls", stats.polls());
        builder.detail("failed.polls", stats.failedPolls());
        builder.detail("items.emitted", stats.itemsEmitted());
        long period = stats.periodMillis();
        Instant since = stats.lastSuccess() != null ? stats.lastSuccess() : stats.started();
        if (camel.getState() == State.UP
                && period > 0
                && Duration.between(since, Instant.now()).toMillis() > STALE_PERIODS * period) {
            builder.message("No successful poll for more than " + STALE_PERIODS + " poll periods (last: "
                    + (stats.lastSuccess() == null ? "never" : stats.lastSuccess()) + ")");
            builder.down();
        }
        Object kind = options == null ? null : options.get(CHECK_KIND);
        if ((kind == Kind.LIVENESS || kind == Kind.READINESS) && builder.state() == State.DOWN) {
            // Camel wraps a consumer's check in its consumers repository as a liveness and readiness check: asked
            // as one of those, failing polls (the API is down) are a detail, never a restart or a pod out of its
            // Service; the full /observe/health reports them DOWN
            builder.detail("polling.state", State.DOWN.name());
            builder.message("Polling is failing (see /observe/health): " + builder.message());
            builder.error(null);
            builder.up();
        }
    }
}
