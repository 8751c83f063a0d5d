--liquibase formatted sql

--changeset platform:ingest-20261122-1060-analytics-read-views
--comment: The read contract for analytics-query: read-only views, granted to analytics_app. They run with their owner's rights, and row-level security is forced on the owner too, so analytics sees only the tenant bound in its transaction (app.tenant_id).
CREATE VIEW listener_events_v1 AS
    SELECT tenant_id, event_id, occurred_at, received_at, event_type, user_id, anonymous_id, session_id, podcast_id, episode_id,
           enclosure_url, position_seconds, duration_seconds, listen_duration_seconds, completion_rate, platform, device_type,
           app_name, bot, country_code, household_hash
      FROM listener_events;
CREATE VIEW attribution_events_v1 AS
    SELECT e.tenant_id, e.event_id, e.occurred_at, e.event_type, e.event_name, e.attribution_method, e.user_id, e.anonymous_id,
           e.session_id, e.attribution_data, e.device_type, e.app_name, e.bot, e.country_code, e.household_hash,
           m.page_url, m.referrer, m.utm_source, m.utm_medium, m.utm_campaign, m.utm_term, m.utm_content
      FROM attribution_events e
      LEFT JOIN attribution_event_metadata m ON m.tenant_id = e.tenant_id AND m.event_id = e.event_id AND m.occurred_at = e.occurred_at;
CREATE VIEW conversion_events_v1 AS
    SELECT tenant_id, conversion_id, occurred_at, source, conversion_type, order_id, conversion_value, currency, user_id,
           anonymous_id, landing_page_url, referrer_url, utm_source, utm_medium, utm_campaign, device_type, bot, country_code,
           household_hash
      FROM conversion_events;
CREATE VIEW download_requests_v1 AS
    SELECT tenant_id, request_id, occurred_at, method, enclosure_url, episode_id, podcast_id, range_header, referrer, user_agent,
           agent_kind, agent_name, app_name, device_type, bot, country_code, ip_hash, household_hash
      FROM download_requests;
GRANT USAGE ON SCHEMA ingest TO analytics_app;
GRANT SELECT ON listener_events_v1, attribution_events_v1, conversion_events_v1, download_requests_v1 TO analytics_app;
--rollback DROP VIEW listener_events_v1, attribution_events_v1, conversion_events_v1, download_requests_v1;
