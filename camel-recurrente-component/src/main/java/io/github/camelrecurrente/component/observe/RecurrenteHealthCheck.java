package io.github.camelrecurrente.component.observe;

import java.util.Map;

import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * Base of the component's health checks: readiness only (a restart does not fix wrong keys or a wrong webhook
 * secret), group {@code recurrente}, equal by id (so that the registry can replace a check).
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
        builder.detail(CHECK_KIND, Kind.READINESS);
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
