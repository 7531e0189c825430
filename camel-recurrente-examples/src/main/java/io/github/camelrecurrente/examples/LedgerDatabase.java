package io.github.camelrecurrente.examples;

import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The ledger's {@link DataSource}: embedded H2 in file mode by default (a stand-in for your ERP database; data survives
 * a restart), PostgreSQL (or any JDBC database) when {@code ledger.jdbc-url} says so. Applies
 * {@code db/ledger-schema.sql} and {@code db/migration/V2__operator.sql} (idempotent DDL) on creation.
 * <p>
 * Production note: put a connection pool (HikariCP, Agroal, ...) in front of a server database.
 */
public final class LedgerDatabase {

    /** Classpath location of the schema. */
    public static final String SCHEMA = "db/ledger-schema.sql";
    /** Classpath location of the operator tables (audit, refund dead letters, reconciliation runs). */
    public static final String OPERATOR_SCHEMA = "db/migration/V2__operator.sql";

    private LedgerDatabase() {
    }

    /** Creates the data source and applies the schema. */
    public static DataSource create(String jdbcUrl, String username, String password) {
        DataSource ds;
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            JdbcDataSource h2 = new JdbcDataSource();
            // keep the database open between connections (camel-sql opens one per statement)
            h2.setURL(jdbcUrl.contains("DB_CLOSE_DELAY") ? jdbcUrl : jdbcUrl + ";DB_CLOSE_DELAY=-1");
            h2.setUser(username == null ? "" : username);
            h2.setPassword(password == null ? "" : password);
            ds = h2;
        } else {
            ds = new DriverManagerDataSource(jdbcUrl, username, password);
        }
        applySchema(ds);
        return ds;
    }

    /** Runs the statements of {@link #SCHEMA}, then those of {@link #OPERATOR_SCHEMA}. */
    public static void applySchema(DataSource ds) {
        applyScript(ds, SCHEMA);
        applyScript(ds, OPERATOR_SCHEMA);
    }

    private static void applyScript(DataSource ds, String resource) {
        String ddl;
        try (InputStream in = LedgerDatabase.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + resource);
            }
            ddl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder withoutComments = new StringBuilder();
        for (String line : ddl.split("\n")) {
            if (!line.trim().startsWith("--")) {
                withoutComments.append(line).append('\n');
            }
        }
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (String statement : withoutComments.toString().split(";")) {
                if (!statement.isBlank()) {
                    s.execute(statement.trim());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot apply " + resource + ": " + e.getMessage(), e);
        }
    }
}
