package io.podcastplatform.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Plain JDBC access to the test database as one of the service roles, for asserting what a service
 * stored and how its schema is protected. Local role passwords equal the role names (local only).
 */
public final class TestDatabase {

    private final String role;

    private TestDatabase(String role) {
        this.role = role;
    }

    public static TestDatabase as(String role) {
        return new TestDatabase(role);
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(RealStack.jdbcUrl(RealStack.TEST_DB_NAME), role, role);
    }

    /** Rows of {@code sql} as column→value maps. */
    public List<Map<String, Object>> query(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                List<Map<String, Object>> result = new ArrayList<>();
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    Map<String, Object> row = new HashMap<>();
                    for (int c = 1; c <= columns; c++) {
                        row.put(rows.getMetaData().getColumnLabel(c), rows.getObject(c));
                    }
                    result.add(row);
                }
                return result;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("query failed as " + role + ": " + sql + " (" + e.getMessage() + ")", e);
        }
    }

    public Object single(String sql, Object... parameters) {
        List<Map<String, Object>> rows = query(sql, parameters);
        if (rows.size() != 1 || rows.get(0).size() != 1) {
            throw new IllegalStateException("expected one value from " + sql + " but got " + rows);
        }
        return rows.get(0).values().iterator().next();
    }

    /**
     * Counts the rows {@code sql} returns inside a transaction bound to {@code tenantId} the way the
     * services bind it ({@code set_config('app.tenant_id', ..., true)}); a null tenant binds none.
     */
    public long countInTenant(java.util.UUID tenantId, String sql, Object... parameters) {
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            try {
                if (tenantId != null) {
                    try (PreparedStatement bind = connection.prepareStatement("SELECT set_config('app.tenant_id', ?, true)")) {
                        bind.setString(1, tenantId.toString());
                        bind.execute();
                    }
                }
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    for (int i = 0; i < parameters.length; i++) {
                        statement.setObject(i + 1, parameters[i]);
                    }
                    long count = 0;
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            count++;
                        }
                    }
                    return count;
                }
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("query failed as " + role + ": " + sql + " (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Runs {@code statements} in one transaction bound to {@code tenantId} the way the services bind it, e.g. to
     * put raw rows into another service's tables as that service's role (row-level security checks the tenant).
     */
    public void executeInTenant(java.util.UUID tenantId, String... statements) {
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            try (PreparedStatement bind = connection.prepareStatement("SELECT set_config('app.tenant_id', ?, true)")) {
                bind.setString(1, tenantId.toString());
                bind.execute();
                for (String sql : statements) {
                    try (PreparedStatement statement = connection.prepareStatement(sql)) {
                        statement.execute();
                    }
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("statements failed as " + role + " (" + e.getMessage() + ")", e);
        }
    }

    /** Runs a statement and returns the SQLState of its failure, or null when it succeeded. */
    public String attempt(String sql) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.execute();
            return null;
        } catch (SQLException e) {
            return e.getSQLState();
        }
    }
}
