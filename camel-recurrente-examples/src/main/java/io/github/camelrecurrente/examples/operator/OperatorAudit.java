package io.github.camelrecurrente.examples.operator;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

import io.github.camelrecurrente.examples.ledger.LedgerPostings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the {@code operator_audit} table: one row per operator action (when, token label, what, on which target,
 * the HTTP status answered and a short outcome). Called by {@link OperatorGuard} once the action's route has
 * answered; a failing audit insert is logged at ERROR and does not change the answer (the action has happened).
 */
public final class OperatorAudit {

    private static final Logger LOG = LoggerFactory.getLogger(OperatorAudit.class);

    private final DataSource dataSource;

    public OperatorAudit(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Inserts one audit row; texts are cut to their column sizes. */
    public void record(String label, String action, String target, int httpStatus, String outcome) {
        String sql = "insert into operator_audit (token_label, action, target, http_status, outcome)"
                + " values (?, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, LedgerPostings.truncate(label, 64));
            s.setString(2, LedgerPostings.truncate(action, 64));
            s.setString(3, LedgerPostings.truncate(target, 255));
            s.setInt(4, httpStatus);
            s.setString(5, LedgerPostings.truncate(outcome, 1000));
            s.executeUpdate();
        } catch (SQLException e) {
            LOG.error(
                    "Operator audit: could not record {} by {} (status {}): {}",
                    action,
                    label,
                    httpStatus,
                    e.getMessage());
        }
    }
}
