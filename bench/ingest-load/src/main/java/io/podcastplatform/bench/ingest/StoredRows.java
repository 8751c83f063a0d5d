package io.podcastplatform.bench.ingest;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Counts what the service stored for the bench tenant (listener and attribution events), as the
 * superuser: superusers are not subject to row-level security, so no tenant needs binding.
 *
 * <p>A count of 300,000 rows costs PostgreSQL 0.1–0.26 s (with parallel workers), and polled every 100 ms it
 * kept a core of the box busy while the service was persisting (2026-12-05): the measuring tool slowed what
 * it measured. So the count runs without parallel workers and remembers how long it took, and the caller
 * waits {@link #pauseAfterCountMillis()} between counts: at most a tenth of one core goes to counting.
 */
final class StoredRows implements AutoCloseable {

    private static final String COUNT = """
            SELECT (SELECT count(*) FROM ingest.listener_events WHERE tenant_id = ?)
                 + (SELECT count(*) FROM ingest.attribution_events WHERE tenant_id = ?)""";

    /** The commit time of the last transaction that stored an event of the tenant (every stored event has its claim). */
    private static final String LAST_COMMIT = """
            SELECT max(pg_xact_commit_timestamp(xmin)) FROM ingest.ingested_message
             WHERE tenant_id = ? AND current_setting('track_commit_timestamp') = 'on'""";

    private final Connection connection;
    private final PreparedStatement count;
    private final PreparedStatement lastCommit;
    private long lastCountNanos;
    private long counts;
    private long countingNanos;

    StoredRows(String jdbcUrl, String user, String password, UUID tenantId) throws SQLException {
        connection = DriverManager.getConnection(jdbcUrl, user, password);
        count = connection.prepareStatement(COUNT);
        count.setObject(1, tenantId);
        count.setObject(2, tenantId);
        lastCommit = connection.prepareStatement(LAST_COMMIT);
        lastCommit.setObject(1, tenantId);
        try (var statement = connection.createStatement()) {
            statement.execute("SET max_parallel_workers_per_gather = 0");
        }
    }

    long count() throws SQLException {
        long start = System.nanoTime();
        try (ResultSet rows = count.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } finally {
            lastCountNanos = System.nanoTime() - start;
            counts++;
            countingNanos += lastCountNanos;
        }
    }

    /**
     * When the transaction that stored the tenant's last event committed; empty when the server keeps no commit times
     * ({@code track_commit_timestamp}, on in deploy/local), and the caller then takes the count that saw the last row.
     */
    Optional<Instant> lastCommit() throws SQLException {
        try (ResultSet rows = lastCommit.executeQuery()) {
            rows.next();
            Timestamp committed = rows.getTimestamp(1);
            return Optional.ofNullable(committed).map(Timestamp::toInstant);
        }
    }

    /** How long to wait before the next count so that counting takes at most a tenth of the time: 100 ms at least. */
    long pauseAfterCountMillis() {
        return Math.max(100, 9 * lastCountNanos / 1_000_000);
    }

    /** The counts made so far and the time they took, for the report. */
    String countingSummary() {
        return String.format(java.util.Locale.ROOT, "%d counts of the stored rows, %.1f s in all", counts, countingNanos / 1e9);
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
