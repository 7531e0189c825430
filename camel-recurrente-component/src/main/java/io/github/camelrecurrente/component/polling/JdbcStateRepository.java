package io.github.camelrecurrente.component.polling;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.regex.Pattern;
import javax.sql.DataSource;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * A {@link StateRepository} in a SQL table, for polling consumers whose position must survive restarts and be shared
 * by the nodes of a cluster (only the {@code master:} leader writes). Plain JDBC on a {@link DataSource}; every
 * {@link #getState} reads the table (no cache), so a node that takes over sees the leader's last position.
 * <p>
 * The table (create it yourself, or set {@code createTable=true} for a simple portable DDL):
 *
 * <pre>
 * CREATE TABLE CAMEL_RECURRENTE_STATE (
 *     STATE_KEY   VARCHAR(200) NOT NULL PRIMARY KEY,
 *     STATE_VALUE CLOB,          -- TEXT on PostgreSQL / MySQL
 *     UPDATED_AT  TIMESTAMP
 * )
 * </pre>
 *
 * Values hold ids, statuses and instants only (a few hundred bytes; up to ~60 KB with status watching).
 */
public class JdbcStateRepository extends ServiceSupport implements StateRepository<String, String> {

    public static final String DEFAULT_TABLE = "CAMEL_RECURRENTE_STATE";
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");
    private static final Pattern SAFE_TYPE = Pattern.compile("[A-Za-z][A-Za-z0-9_ (),]*");

    private DataSource dataSource;
    private String tableName = DEFAULT_TABLE;
    private boolean createTable;
    private String valueColumnType = "CLOB";

    public JdbcStateRepository() {}

    public JdbcStateRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    protected void doStart() throws Exception {
        if (dataSource == null) {
            throw new IllegalArgumentException("JdbcStateRepository needs a dataSource");
        }
        if (!SAFE_NAME.matcher(tableName).matches()) {
            throw new IllegalArgumentException("JdbcStateRepository: invalid table name " + tableName);
        }
        if (!SAFE_TYPE.matcher(valueColumnType).matches()) {
            throw new IllegalArgumentException("JdbcStateRepository: invalid column type " + valueColumnType);
        }
        if (createTable) {
            try (Connection c = dataSource.getConnection();
                    Statement s = c.createStatement()) {
                try {
                    s.executeQuery("SELECT STATE_KEY FROM " + tableName + " WHERE 1 = 0")
                            .close();
                } catch (SQLException missing) {
                    s.execute("CREATE TABLE " + tableName + " (STATE_KEY VARCHAR(200) NOT NULL PRIMARY KEY,"
                            + " STATE_VALUE " + valueColumnType + ", UPDATED_AT TIMESTAMP)");
                }
            }
        }
    }

    @Override
    public String getState(String key) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT STATE_VALUE FROM " + tableName + " WHERE STATE_KEY = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new RuntimeCamelException("Cannot read state " + key + " from table " + tableName, e);
        }
    }

    @Override
    public void setState(String key, String value) {
        try (Connection c = dataSource.getConnection()) {
            Timestamp now = new Timestamp(System.currentTimeMillis());
            try (PreparedStatement up = c.prepareStatement(
                    "UPDATE " + tableName + " SET STATE_VALUE = ?, UPDATED_AT = ? WHERE STATE_KEY = ?")) {
                up.setString(1, value);
                up.setTimestamp(2, now);
                up.setString(3, key);
                if (up.executeUpdate() > 0) {
                    return;
                }
            }
            try (PreparedStatement in = c.prepareStatement(
                    "INSERT INTO " + tableName + " (STATE_KEY, STATE_VALUE, UPDATED_AT) VALUES (?, ?, ?)")) {
                in.setString(1, key);
                in.setString(2, value);
                in.setTimestamp(3, now);
                in.executeUpdate();
            }
        } catch (SQLException e) {
            throw new RuntimeCamelException("Cannot write state " + key + " to table " + tableName, e);
        }
    }

    public DataSource getDataSource() {
        return dataSource;
    }

    public void setDataSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public String getTableName() {
        return tableName;
    }

    /** The table (default CAMEL_RECURRENTE_STATE). */
    public void setTableName(String tableName) {
        this.tableName = tableName;
    }

    public boolean isCreateTable() {
        return createTable;
    }

    /** Create the table at start when it does not exist (default false). */
    public void setCreateTable(boolean createTable) {
        this.createTable = createTable;
    }

    public String getValueColumnType() {
        return valueColumnType;
    }

    /** SQL type of STATE_VALUE when createTable is true: CLOB (default; H2, Oracle, DB2) or TEXT (PostgreSQL, MySQL). */
    public void setValueColumnType(String valueColumnType) {
        this.valueColumnType = valueColumnType;
    }

    @Override
    public String toString() {
        return "JdbcStateRepository[" + tableName + "]";
    }
}
