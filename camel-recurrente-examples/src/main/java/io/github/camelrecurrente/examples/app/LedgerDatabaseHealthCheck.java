package io.github.camelrecurrente.examples.app;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of webhook intake: the ledger database answers (the durable inbox stores every delivery there before it
 * is acknowledged, so without it a delivery cannot be accepted). Readiness only, never liveness: a database outage
 * takes the node out of the load balancer, it does not restart it (a restart would not bring the database back).
 * Group {@code examples}, id {@code ledger-database}; the check asks the pool for a connection and validates it within
 * {@code timeoutSeconds}. Its DOWN detail names the failure without the JDBC URL or credentials.
 */
public final class LedgerDatabaseHealthCheck extends AbstractHealthCheck {

    private final DataSource dataSource;
    private final int timeoutSeconds;

    public LedgerDatabaseHealthCheck(DataSource dataSource, int timeoutSeconds) {
        super("examples", "ledger-database");
        this.dataSource = dataSource;
        this.timeoutSeconds = timeoutSeconds;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    public boolean isReadiness() {
        return true;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        try (Connection c = dataSource.getConnection()) {
            if (c.isValid(timeoutSeconds)) {
                builder.up();
            } else {
                builder.message("the ledger database did not answer within " + timeoutSeconds + " s")
                        .down();
            }
        } catch (SQLException e) {
            builder.message("the ledger database is not reachable: "
                            + e.getClass().getSimpleName()
                            + (e.getSQLState() == null ? "" : " (SQLState " + e.getSQLState() + ")"))
                    .down();
        }
    }
}
