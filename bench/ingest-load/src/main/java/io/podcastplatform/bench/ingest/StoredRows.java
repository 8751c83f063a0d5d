package io.podcastplatform.bench.ingest;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Counts what the service stored for the bench tenant (listener and attribution events), as the
 * superuser: superusers are not subject to row-level security, so no tenant needs binding.
 */
final class StoredRows implements AutoCloseable {

    private static final String COUNT = """
            SELECT (SELECT count(*) FROM ingest.listener_events WHERE tenant_id = ?)
                 + (SELECT count(*) FROM ingest.attribution_events WHERE tenant_id = ?)""";

    private final Connection connection;
    private final PreparedStatement count;

    StoredRows(String jdbcUrl, String user, String password, UUID tenantId) throws SQLException {
        connection = DriverManager.getConnection(jdbcUrl, user, password);
        count = connection.prepareStatement(COUNT);
        count.setObject(1, tenantId);
        count.setObject(2, tenantId);
    }

    long count() throws SQLException {
        try (ResultSet rows = count.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
