package io.github.camelrecurrente.examples.ledger;

import java.sql.Clob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The one place the bundle's Java reads rows with plain JDBC (the routes use camel-sql): a query with positional
 * parameters, each row a map keyed by the column label as the database returns it (a quoted alias keeps its case on
 * H2 and PostgreSQL), in column order. A text column (CLOB) is read as a String.
 */
public final class SqlRows {

    private SqlRows() {}

    /** @return the rows of a query on this connection */
    public static List<Map<String, Object>> read(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                List<Map<String, Object>> out = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        Object value = rs.getObject(i);
                        row.put(meta.getColumnLabel(i), value instanceof Clob clob ? text(clob) : value);
                    }
                    out.add(row);
                }
                return out;
            }
        }
    }

    /**
     * @return the rows of a query on a connection of the pool
     * @throws IllegalStateException naming {@code what} when the query fails
     */
    public static List<Map<String, Object>> read(DataSource ds, String what, String sql, Object... params) {
        try (Connection c = ds.getConnection()) {
            return read(c, sql, params);
        } catch (SQLException e) {
            throw new IllegalStateException(what + " failed: " + e.getMessage(), e);
        }
    }

    /** @return the single number of a query ({@code count(*)}, {@code sum(...)}), 0 for no row or null */
    public static long number(DataSource ds, String what, String sql, Object... params) {
        List<Map<String, Object>> rows = read(ds, what, sql, params);
        Object v = rows.isEmpty() ? null : rows.get(0).values().iterator().next();
        return v == null ? 0 : ((Number) v).longValue();
    }

    private static String text(Clob clob) throws SQLException {
        return clob.getSubString(1, (int) clob.length());
    }

    /** A value of a row whose column aliases a database may have folded to lower (or upper) case. */
    public static Object value(Map<String, Object> row, String key) {
        if (row.containsKey(key)) {
            return row.get(key);
        }
        for (Map.Entry<String, Object> e : row.entrySet()) {
            if (e.getKey().equalsIgnoreCase(key)) {
                return e.getValue();
            }
        }
        return null;
    }
}
