package io.podcastplatform.ingest.persist.repository;

import io.podcastplatform.events.EventJson;
import io.podcastplatform.events.ingest.AttributionEvent;
import io.podcastplatform.events.ingest.Campaign;
import io.podcastplatform.events.ingest.ConversionEvent;
import io.podcastplatform.events.ingest.DownloadRequest;
import io.podcastplatform.events.ingest.ListenerEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

/**
 * Stores events of one tenant in one statement per stream: the rows travel as one array per column
 * ({@code unnest}), the message ids are claimed in {@code ingested_message} and only the rows whose
 * claim succeeded are inserted, so a message stored before (within the dedup window) is skipped.
 * The caller binds the tenant ({@code TenantTransactions.inTenant}); row-level security checks it.
 */
@ApplicationScoped
public class EventStore {

    private static final String LISTENER = """
            WITH incoming AS (
                SELECT * FROM unnest($2::uuid[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::text[], $7::text[], $8::text[],
                                     $9::text[], $10::uuid[], $11::text[], $12::float8[], $13::float8[], $14::text[], $15::text[],
                                     $16::text[], $17::text[], $18::text[], $19::bool[], $20::text[], $21::text[], $22::text[], $23::text[])
                    AS t(event_id, message_id, occurred_at, received_at, event_type, user_id, anonymous_id, session_id, episode_id,
                         enclosure_url, position_seconds, duration_seconds, platform, device_type, device_name, app_name, agent_kind,
                         bot, country_code, ip_hash, household_hash, user_agent)),
            claimed AS (
                INSERT INTO ingested_message (tenant_id, stream, message_id, event_id)
                SELECT $1, 'listener', message_id, event_id FROM incoming
                ON CONFLICT DO NOTHING RETURNING event_id)
            INSERT INTO listener_events (tenant_id, event_id, message_id, occurred_at, received_at, event_type, user_id, anonymous_id,
                                         session_id, episode_id, enclosure_url, position_seconds, duration_seconds,
                                         listen_duration_seconds, completion_rate, platform, device_type, device_name, app_name,
                                         agent_kind, bot, country_code, ip_hash, household_hash, user_agent)
            SELECT $1, i.event_id, i.message_id, i.occurred_at, i.received_at, i.event_type, i.user_id, i.anonymous_id, i.session_id,
                   i.episode_id, i.enclosure_url, i.position_seconds, i.duration_seconds, i.position_seconds,
                   CASE WHEN i.duration_seconds > 0 THEN least(1.0, i.position_seconds / i.duration_seconds) END,
                   i.platform, i.device_type, i.device_name, i.app_name, i.agent_kind, i.bot, i.country_code, i.ip_hash,
                   i.household_hash, i.user_agent
              FROM incoming i JOIN claimed c USING (event_id)""";

    private static final String ATTRIBUTION = """
            WITH incoming AS (
                SELECT * FROM unnest($2::uuid[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::text[], $7::text[], $8::text[],
                                     $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[],
                                     $16::bool[], $17::text[], $18::text[], $19::text[], $20::text[], $21::text[], $22::text[],
                                     $23::text[], $24::text[], $25::text[], $26::text[], $27::text[])
                    AS t(event_id, message_id, occurred_at, received_at, event_type, event_name, attribution_method, user_id,
                         anonymous_id, session_id, attribution_data, device_type, app_name, agent_kind, bot, country_code, ip_hash,
                         household_hash, page_url, referrer, user_agent, utm_source, utm_medium, utm_campaign, utm_term, utm_content)),
            claimed AS (
                INSERT INTO ingested_message (tenant_id, stream, message_id, event_id)
                SELECT $1, 'attribution', message_id, event_id FROM incoming
                ON CONFLICT DO NOTHING RETURNING event_id),
            fresh AS (SELECT i.* FROM incoming i JOIN claimed c USING (event_id)),
            events AS (
                INSERT INTO attribution_events (tenant_id, event_id, message_id, occurred_at, received_at, event_type, event_name,
                                                attribution_method, user_id, anonymous_id, session_id, attribution_data, device_type,
                                                app_name, agent_kind, bot, country_code, ip_hash, household_hash)
                SELECT $1, event_id, message_id, occurred_at, received_at, event_type, event_name, attribution_method, user_id,
                       anonymous_id, session_id, attribution_data::jsonb, device_type, app_name, agent_kind, bot, country_code,
                       ip_hash, household_hash
                  FROM fresh)
            INSERT INTO attribution_event_metadata (tenant_id, event_id, occurred_at, page_url, referrer, user_agent, utm_source,
                                                    utm_medium, utm_campaign, utm_term, utm_content)
            SELECT $1, event_id, occurred_at, page_url, referrer, user_agent, utm_source, utm_medium, utm_campaign, utm_term, utm_content
              FROM fresh""";

    private static final String CONVERSION = """
            WITH incoming AS (
                SELECT * FROM unnest($2::uuid[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::text[], $7::text[], $8::text[],
                                     $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[],
                                     $16::text[], $17::text[], $18::text[], $19::bool[], $20::text[], $21::text[], $22::text[],
                                     $23::text[])
                    AS t(conversion_id, message_id, occurred_at, received_at, source, conversion_type, order_id, conversion_value,
                         currency, user_id, anonymous_id, landing_page_url, referrer_url, utm_source, utm_medium, utm_campaign,
                         agent_kind, bot, country_code, ip_hash, household_hash, device_type)),
            claimed AS (
                INSERT INTO ingested_message (tenant_id, stream, message_id, event_id)
                SELECT $1, 'conversion', message_id, conversion_id FROM incoming
                ON CONFLICT DO NOTHING RETURNING event_id)
            INSERT INTO conversion_events (tenant_id, conversion_id, message_id, occurred_at, received_at, source, conversion_type,
                                           order_id, conversion_value, currency, user_id, anonymous_id, landing_page_url, referrer_url,
                                           utm_source, utm_medium, utm_campaign, agent_kind, bot, country_code, ip_hash,
                                           household_hash, device_type)
            SELECT $1, i.conversion_id, i.message_id, i.occurred_at, i.received_at, i.source, i.conversion_type, i.order_id,
                   i.conversion_value::numeric, i.currency, i.user_id, i.anonymous_id, i.landing_page_url, i.referrer_url,
                   i.utm_source, i.utm_medium, i.utm_campaign, i.agent_kind, i.bot, i.country_code, i.ip_hash, i.household_hash,
                   i.device_type
              FROM incoming i JOIN claimed c ON c.event_id = i.conversion_id""";

    private static final String DOWNLOAD = """
            WITH incoming AS (
                SELECT * FROM unnest($2::uuid[], $3::timestamptz[], $4::text[], $5::text[], $6::uuid[], $7::uuid[], $8::text[],
                                     $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::bool[],
                                     $16::text[], $17::text[], $18::text[])
                    AS t(request_id, occurred_at, method, enclosure_url, episode_id, podcast_id, range_header, referrer, user_agent,
                         agent_kind, agent_name, app_name, device_type, bot, country_code, ip_hash, household_hash)),
            claimed AS (
                INSERT INTO ingested_message (tenant_id, stream, message_id, event_id)
                SELECT $1, 'download', request_id::text, request_id FROM incoming
                ON CONFLICT DO NOTHING RETURNING event_id)
            INSERT INTO download_requests (tenant_id, request_id, occurred_at, method, enclosure_url, episode_id, podcast_id,
                                           range_header, referrer, user_agent, agent_kind, agent_name, app_name, device_type, bot,
                                           country_code, ip_hash, household_hash)
            SELECT $1, i.request_id, i.occurred_at, i.method, i.enclosure_url, i.episode_id, i.podcast_id, i.range_header, i.referrer,
                   i.user_agent, i.agent_kind, i.agent_name, i.app_name, i.device_type, i.bot, i.country_code, i.ip_hash,
                   i.household_hash
              FROM incoming i JOIN claimed c ON c.event_id = i.request_id""";

    /** Stores the listener events not stored before; the number stored. */
    public Uni<Integer> storeListenerEvents(SqlConnection tx, UUID tenantId, List<ListenerEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        Tuple columns = Tuple.tuple().addUUID(tenantId)
                .addArrayOfUUID(column(events, ListenerEvent::id, UUID[]::new))
                .addArrayOfString(column(events, ListenerEvent::messageId, String[]::new))
                .addArrayOfOffsetDateTime(column(events, ListenerEvent::occurredAt, OffsetDateTime[]::new))
                .addArrayOfOffsetDateTime(column(events, ListenerEvent::receivedAt, OffsetDateTime[]::new))
                .addArrayOfString(column(events, e -> e.action().toLowerCase(Locale.ROOT), String[]::new))
                .addArrayOfString(column(events, ListenerEvent::userId, String[]::new))
                .addArrayOfString(column(events, ListenerEvent::anonymousId, String[]::new))
                .addArrayOfString(column(events, ListenerEvent::sessionId, String[]::new))
                .addArrayOfUUID(column(events, ListenerEvent::episodeId, UUID[]::new))
                .addArrayOfString(column(events, ListenerEvent::enclosureUrl, String[]::new))
                .addArrayOfDouble(column(events, ListenerEvent::positionSeconds, Double[]::new))
                .addArrayOfDouble(column(events, ListenerEvent::durationSeconds, Double[]::new))
                .addArrayOfString(column(events, ListenerEvent::platform, String[]::new))
                .addArrayOfString(column(events, e -> e.client().deviceCategory(), String[]::new))
                .addArrayOfString(column(events, e -> e.client().deviceName(), String[]::new))
                .addArrayOfString(column(events, e -> e.client().appName(), String[]::new))
                .addArrayOfString(column(events, e -> e.client().agentKind(), String[]::new))
                .addArrayOfBoolean(column(events, e -> e.client().bot(), Boolean[]::new))
                .addArrayOfString(column(events, e -> e.client().countryCode(), String[]::new))
                .addArrayOfString(column(events, e -> e.client().ipHash(), String[]::new))
                .addArrayOfString(column(events, e -> e.client().householdHash(), String[]::new))
                .addArrayOfString(column(events, e -> e.client().userAgent(), String[]::new));
        return tx.preparedQuery(LISTENER).execute(columns).map(result -> result.rowCount());
    }

    public Uni<Integer> storeAttributionEvents(SqlConnection tx, UUID tenantId, List<AttributionEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        Function<AttributionEvent, Campaign> campaign = e -> e.campaign() == null ? new Campaign(null, null, null, null, null) : e.campaign();
        Tuple columns = Tuple.tuple().addUUID(tenantId)
                .addArrayOfUUID(column(events, AttributionEvent::id, UUID[]::new))
                .addArrayOfString(column(events, AttributionEvent::messageId, String[]::new))
                .addArrayOfOffsetDateTime(column(events, AttributionEvent::occurredAt, OffsetDateTime[]::new))
                .addArrayOfOffsetDateTime(column(events, AttributionEvent::receivedAt, OffsetDateTime[]::new))
                .addArrayOfString(column(events, AttributionEvent::type, String[]::new))
                .addArrayOfString(column(events, AttributionEvent::name, String[]::new))
                .addArrayOfString(column(events, EventStore::attributionMethod, String[]::new))
                .addArrayOfString(column(events, AttributionEvent::userId, String[]::new))
                .addArrayOfString(column(events, AttributionEvent::anonymousId, String[]::new))
                .addArrayOfString(column(events, AttributionEvent::sessionId, String[]::new))
                .addArrayOfString(column(events, e -> e.properties() == null ? null : new String(EventJson.write(e.properties()),
                        java.nio.charset.StandardCharsets.UTF_8).replace("\\u0000", ""), String[]::new))
                .addArrayOfString(column(events, e -> e.client().deviceCategory(), String[]::new))
                .addArrayOfString(column(events, e -> e.client().appName(), String[]::new))
                .addArrayOfString(column(events, e -> e.client().agentKind(), String[]::new))
                .addArrayOfBoolean(column(events, e -> e.client().bot(), Boolean[]::new))
                .addArrayOfString(column(events, e -> e.client().countryCode(), String[]::new))
                .addArrayOfString(column(events, e -> e.client().ipHash(), String[]::new))
                .addArrayOfString(column(events, e -> e.client().householdHash(), String[]::new))
                .addArrayOfString(column(events, AttributionEvent::pageUrl, String[]::new))
                .addArrayOfString(column(events, AttributionEvent::referrer, String[]::new))
                .addArrayOfString(column(events, e -> e.client().userAgent(), String[]::new))
                .addArrayOfString(column(events, e -> campaign.apply(e).source(), String[]::new))
                .addArrayOfString(column(events, e -> campaign.apply(e).medium(), String[]::new))
                .addArrayOfString(column(events, e -> campaign.apply(e).name(), String[]::new))
                .addArrayOfString(column(events, e -> campaign.apply(e).term(), String[]::new))
                .addArrayOfString(column(events, e -> campaign.apply(e).content(), String[]::new));
        return tx.preparedQuery(ATTRIBUTION).execute(columns).map(result -> result.rowCount());
    }

    public Uni<Integer> storeConversionEvents(SqlConnection tx, UUID tenantId, List<ConversionEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        Function<ConversionEvent, Campaign> campaign = e -> e.campaign() == null ? new Campaign(null, null, null, null, null) : e.campaign();
        Tuple columns = Tuple.tuple().addUUID(tenantId)
                .addArrayOfUUID(column(events, ConversionEvent::id, UUID[]::new))
                .addArrayOfString(column(events, ConversionEvent::messageId, String[]::new))
                .addArrayOfOffsetDateTime(column(events, ConversionEvent::occurredAt, OffsetDateTime[]::new))
                .addArrayOfOffsetDateTime(column(events, ConversionEvent::receivedAt, OffsetDateTime[]::new))
                .addArrayOfString(column(events, ConversionEvent::source, String[]::new))
                .addArrayOfString(column(events, ConversionEvent::conversionType, String[]::new))
                .addArrayOfString(column(events, ConversionEvent::orderId, String[]::new))
                .addArrayOfString(column(events, e -> e.value() == null ? null : e.value().toPlainString(), String[]::new))
                .addArrayOfString(column(events, ConversionEvent::currency, String[]::new))
                .addArrayOfString(column(events, ConversionEvent::userId, String[]::new))
                .addArrayOfString(column(events, ConversionEvent::anonymousId, String[]::new))
                .addArrayOfString(column(events, ConversionEvent::pageUrl, String[]::new))
                .addArrayOfString(column(events, ConversionEvent::referrer, String[]::new))
                .addArrayOfString(column(events, e -> campaign.apply(e).source(), String[]::new))
                .addArrayOfString(column(events, e -> campaign.apply(e).medium(), String[]::new))
                .addArrayOfString(column(events, e -> campaign.apply(e).name(), String[]::new))
                .addArrayOfString(column(events, e -> e.client().agentKind(), String[]::new))
                .addArrayOfBoolean(column(events, e -> e.client().bot(), Boolean[]::new))
                .addArrayOfString(column(events, e -> e.client().countryCode(), String[]::new))
                .addArrayOfString(column(events, e -> e.client().ipHash(), String[]::new))
                .addArrayOfString(column(events, e -> e.client().householdHash(), String[]::new))
                .addArrayOfString(column(events, e -> e.client().deviceCategory(), String[]::new));
        return tx.preparedQuery(CONVERSION).execute(columns).map(result -> result.rowCount());
    }

    public Uni<Integer> storeDownloadRequests(SqlConnection tx, UUID tenantId, List<DownloadRequest> requests) {
        if (requests.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        Tuple columns = Tuple.tuple().addUUID(tenantId)
                .addArrayOfUUID(column(requests, DownloadRequest::id, UUID[]::new))
                .addArrayOfOffsetDateTime(column(requests, DownloadRequest::requestedAt, OffsetDateTime[]::new))
                .addArrayOfString(column(requests, DownloadRequest::method, String[]::new))
                .addArrayOfString(column(requests, DownloadRequest::enclosureUrl, String[]::new))
                .addArrayOfUUID(column(requests, DownloadRequest::episodeId, UUID[]::new))
                .addArrayOfUUID(column(requests, DownloadRequest::podcastId, UUID[]::new))
                .addArrayOfString(column(requests, DownloadRequest::range, String[]::new))
                .addArrayOfString(column(requests, DownloadRequest::referrer, String[]::new))
                .addArrayOfString(column(requests, r -> r.client().userAgent(), String[]::new))
                .addArrayOfString(column(requests, r -> r.client().agentKind(), String[]::new))
                .addArrayOfString(column(requests, r -> r.client().agentName(), String[]::new))
                .addArrayOfString(column(requests, r -> r.client().appName(), String[]::new))
                .addArrayOfString(column(requests, r -> r.client().deviceCategory(), String[]::new))
                .addArrayOfBoolean(column(requests, r -> r.client().bot(), Boolean[]::new))
                .addArrayOfString(column(requests, r -> r.client().countryCode(), String[]::new))
                .addArrayOfString(column(requests, r -> r.client().ipHash(), String[]::new))
                .addArrayOfString(column(requests, r -> r.client().householdHash(), String[]::new));
        return tx.preparedQuery(DOWNLOAD).execute(columns).map(result -> result.rowCount());
    }

    private static String attributionMethod(AttributionEvent event) {
        if ("pixel".equals(event.type())) {
            return "pixel";
        }
        return event.campaign() != null ? "utm" : "sdk";
    }

    private static <E, C> C[] column(List<E> rows, Function<E, C> value, java.util.function.IntFunction<C[]> array) {
        C[] column = array.apply(rows.size());
        for (int i = 0; i < column.length; i++) {
            column[i] = value.apply(rows.get(i));
        }
        return column;
    }
}
