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
 * successful poll is older than {@value #STALE_PERIODS} poll periods (e.g. a scheduler that no longer runs).
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
    }
}
