package io.github.camelrecurrente.examples.ledger;

import java.sql.Connection;
import java.sql.SQLException;

/** One JDBC transaction on a connection, for the claims of the webhook inbox and the FEL outbox. */
public final class Transactions {

    /** Work done inside the transaction. */
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private Transactions() {}

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public static <T> T inTransaction(Connection c, Work<T> work) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            T result = work.run(c);
            c.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }
}
