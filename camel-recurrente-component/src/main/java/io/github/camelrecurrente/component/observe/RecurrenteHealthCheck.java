package io.github.camelrecurrente.component.observe;

import java.util.Map;

import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * Base of the component's health checks, group {@code recurrente}, equal by id (so that the registry can replace a
 * check). Never liveness: nothing the component sees (the API, the keys, the webhook secret) is fixed by a restart,
 * so a Kubernetes liveness probe ({@code /observe/health/live}) never depends on Recurrente. Readiness
 * ({@code /observe/health/ready}) by default: the intake checks (webhook, keys refused); a check that depends on
 * the API being up (polling) overrides {@link #isReadiness()} and is reported by the full {@code /observe/health}
 * only.
 */
abstract class RecurrenteHealthCheck implements HealthCheck {

    private final String id;
    private volatile boolean enabled = true;

    RecurrenteHealthCheck(String id) {
        this.id = id;
    }

    @Override
    public String getGroup() {
        return "recurrente";
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    public Result call(Map<String, Object> options) {
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this);
        if (isReadiness()) {
            builder.detail(CHECK_KIND, Kind.READINESS);
        }
        if (!enabled) {
            builder.message("Disabled");
            builder.detail(CHECK_ENABLED, false);
            return builder.unknown().build();
        }
        doCall(builder, options);
        return builder.build();
    }

    protected abstract void doCall(HealthCheckResultBuilder builder, Map<String, Object> options);

    @Override
    public boolean equals(Object o) {
        return o instanceof RecurrenteHealthCheck other && other.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + id + "]";
    }
}
