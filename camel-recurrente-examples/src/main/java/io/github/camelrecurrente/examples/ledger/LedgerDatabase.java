package io.github.camelrecurrente.examples.ledger;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger's {@link DataSource}: a HikariCP pool on embedded H2 in file mode by default (a stand-in for
 * your ERP database; data survives a restart; one node), PostgreSQL when {@code ledger.jdbc-url} says so (several
 * nodes share it). The schema is versioned: Flyway applies the migrations of {@code classpath:db/migration}
 * ({@code V1__ledger.sql}, ...) once each, in order, recorded in {@code flyway_schema_history}; nodes starting at the
 * same time wait for each other (Flyway locks the history table).
 * <p>
 * A ledger created before Flyway (the old {@code db/ledger-schema.sql}) is baselined at version 0, so V1 (idempotent
 * DDL) runs over it and the later migrations follow.
 */
public final class LedgerDatabase {

    /** Classpath location of the migrations. */
    public static final String MIGRATIONS = "classpath:db/migration";

    private static final Logger LOG = LoggerFactory.getLogger(LedgerDatabase.class);

    private LedgerDatabase() {}

    /** Creates the pool ({@code poolSize} connections at most) and migrates the schema. */
    public static HikariDataSource create(String jdbcUrl, String username, String password, int poolSize) {
        return create(jdbcUrl, username, password, poolSize, Duration.ofSeconds(30));
    }

    /**
     * Creates the pool and migrates the schema; {@code connectionTimeout} bounds how long a caller waits for a
     * connection (also the readiness check's wait when the database is gone).
     */
    public static HikariDataSource create(
            String jdbcUrl, String username, String password, int poolSize, Duration connectionTimeout) {
        HikariConfig config = new HikariConfig();
        config.setConnectionTimeout(Math.max(250, connectionTimeout.toMillis()));
        // H2 file mode: keep the database open while the pool is (it closes it on the last connection otherwise)
        config.setJdbcUrl(
                jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.contains("DB_CLOSE_DELAY")
                        ? jdbcUrl + ";DB_CLOSE_DELAY=-1"
                        : jdbcUrl);
        config.setUsername(username == null ? "" : username);
        config.setPassword(password == null ? "" : password);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("ledger");
        HikariDataSource ds = new HikariDataSource(config);
        try {
            migrate(ds);
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return ds;
    }

    /** Applies the pending migrations of {@link #MIGRATIONS}. */
    public static MigrateResult migrate(DataSource ds) {
        MigrateResult result = Flyway.configure()
                .dataSource(ds)
                .locations(MIGRATIONS)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        LOG.info(
                "Ledger schema at version {} ({} migration(s) applied now)",
                result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion,
                result.migrationsExecuted);
        return result;
    }

    /**
     * Times are stored as UTC wall-clock values (TIMESTAMP without zone), the same on every node: the claims of the
     * webhook inbox and the FEL outbox, the effect journal.
     */
    public static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
