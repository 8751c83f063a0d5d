package io.podcastplatform.analytics.rollup.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * The unique-listener sketches: HyperLogLog sets of the listeners of each UTC hour (whole tenant, per podcast, per
 * episode, per breakdown value), kept with the postgresql-hll extension where it is installed on the service's
 * search path. They are derived from {@code download_listener_hourly} in the transaction that replaced its rows.
 */
@ApplicationScoped
public class ListenerSketchRepository {

    /** 2^14 registers of 5 bits: a standard error of 1.04 / sqrt(2^14) = 0.81 %; exact (explicit) up to about 1,280 listeners. */
    public static final int LOG2M = 14;
    public static final int REGWIDTH = 5;
    public static final double STANDARD_ERROR = 1.04 / Math.sqrt(1 << LOG2M);

    private static final Logger LOG = Logger.getLogger(ListenerSketchRepository.class);

    /** The extension's version, looked up once: installing it needs a restart of the service to take effect. */
    private final AtomicReference<Optional<String>> installed = new AtomicReference<>();

    /** The hll extension's version when it is installed in a schema of the session's search path. */
    public Uni<Optional<String>> installed(SqlClient client) {
        Optional<String> known = installed.get();
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return client.query("""
                        SELECT extversion FROM pg_extension
                         WHERE extname = 'hll' AND extnamespace::regnamespace::text = ANY (current_schemas(false))""").execute()
                .map(rows -> {
                    Optional<String> version = rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getString("extversion"));
                    if (installed.compareAndSet(null, version) && version.isEmpty()) {
                        LOG.warn("the hll extension is not installed on the search path: unique listeners are counted distinct at query time (exact, slow over long periods)");
                    }
                    return version;
                });
    }

    /**
     * Replaces the sketches of the hours [from, to) by sets built from {@code download_listener_hourly} (already
     * replaced); nothing where the extension is missing. {@code bots_included IN (false, true)} lets the keys that put
     * the variant before the hour scan the period of each variant.
     */
    public Uni<Void> derive(SqlClient tx, UUID tenantId, Instant from, Instant to) {
        return installed(tx).flatMap(version -> version.isEmpty() ? Uni.createFrom().voidItem() : replace(tx, tenantId, from, to));
    }

    private Uni<Void> replace(SqlClient tx, UUID tenantId, Instant from, Instant to) {
        Tuple hours = Tuple.of(tenantId, from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC));
        String sketch = "hll_send(hll_add_agg(listener::hll_hashval, " + LOG2M + ", " + REGWIDTH + "))";
        String period = "tenant_id = $1 AND bots_included IN (false, true) AND hour_start >= $2 AND hour_start < $3";
        return tx.preparedQuery("DELETE FROM listener_sketch_tenant_hourly WHERE " + period).execute(hours)
                .flatMap(done -> tx.preparedQuery("""
                        INSERT INTO listener_sketch_tenant_hourly (tenant_id, bots_included, hour_start, listeners, downloads)
                        SELECT tenant_id, bots_included, hour_start, %s, sum(downloads) FROM download_listener_hourly
                         WHERE %s GROUP BY tenant_id, bots_included, hour_start""".formatted(sketch, period)).execute(hours))
                .flatMap(done -> tx.preparedQuery("DELETE FROM listener_sketch_podcast_hourly WHERE " + period).execute(hours))
                .flatMap(done -> tx.preparedQuery("""
                        INSERT INTO listener_sketch_podcast_hourly (tenant_id, bots_included, podcast_id, hour_start, listeners, downloads)
                        SELECT tenant_id, bots_included, podcast_id, hour_start, %s, sum(downloads) FROM download_listener_hourly
                         WHERE %s AND podcast_id IS NOT NULL GROUP BY tenant_id, bots_included, podcast_id, hour_start"""
                        .formatted(sketch, period)).execute(hours))
                .flatMap(done -> tx.preparedQuery("DELETE FROM listener_sketch_episode_hourly WHERE " + period).execute(hours))
                .flatMap(done -> tx.preparedQuery("""
                        INSERT INTO listener_sketch_episode_hourly (tenant_id, bots_included, episode_id, hour_start, podcast_id, listeners, downloads)
                        SELECT tenant_id, bots_included, episode_id, hour_start, max(podcast_id::text)::uuid, %s, sum(downloads)
                          FROM download_listener_hourly
                         WHERE %s GROUP BY tenant_id, bots_included, episode_id, hour_start""".formatted(sketch, period)).execute(hours))
                .flatMap(done -> tx.preparedQuery("""
                        DELETE FROM listener_sketch_dimension_hourly
                         WHERE tenant_id = $1 AND bots_included IN (false, true) AND dimension IN ('country', 'app', 'device', 'platform')
                           AND hour_start >= $2 AND hour_start < $3""").execute(hours))
                .flatMap(done -> tx.preparedQuery("""
                        INSERT INTO listener_sketch_dimension_hourly (tenant_id, bots_included, dimension, hour_start, value, listeners, downloads)
                        SELECT tenant_id, bots_included, d.dimension, hour_start, COALESCE(d.value, 'unknown'), %s, sum(downloads)
                          FROM download_listener_hourly
                         CROSS JOIN LATERAL (VALUES ('country', country_code), ('app', app_name), ('device', device_type), ('platform', platform)) d(dimension, value)
                         WHERE %s GROUP BY tenant_id, bots_included, d.dimension, hour_start, COALESCE(d.value, 'unknown')"""
                        .formatted(sketch, period)).execute(hours))
                .replaceWithVoid();
    }
}
