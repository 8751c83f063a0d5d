--liquibase formatted sql

--changeset platform:ingest-20261122-1000-create-listener-events splitStatements:false
--comment: Listener events (episode started/progress/paused/completed) from players, kept 90 days. Time-partitioned on occurred_at: a TimescaleDB hypertable where the extension exists, otherwise native daily range partitions made ahead by pg_partman; the same queries work on both.
DO $$
DECLARE
    columns text := $cols$(
    tenant_id               uuid             NOT NULL,
    event_id                uuid             NOT NULL,
    message_id              text             NOT NULL,
    occurred_at             timestamptz      NOT NULL,
    received_at             timestamptz      NOT NULL,
    event_type              text             NOT NULL CHECK (event_type IN ('started', 'progress', 'paused', 'completed')),
    user_id                 text,
    anonymous_id            text,
    session_id              text,
    podcast_id              uuid,
    episode_id              uuid,
    enclosure_url           text,
    position_seconds        double precision CHECK (position_seconds >= 0),
    duration_seconds        double precision CHECK (duration_seconds >= 0),
    listen_duration_seconds double precision CHECK (listen_duration_seconds >= 0),
    completion_rate         double precision CHECK (completion_rate BETWEEN 0 AND 1),
    platform                text,
    device_type             text,
    device_name             text,
    app_name                text,
    agent_kind              text             NOT NULL,
    bot                     boolean          NOT NULL,
    country_code            text             CHECK (country_code ~ '^[A-Z]{2}$'),
    ip_hash                 text,
    household_hash          text,
    user_agent              text,
    PRIMARY KEY (tenant_id, event_id, occurred_at)
    )$cols$;
BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb') THEN
        EXECUTE 'CREATE TABLE ingest.listener_events ' || columns;
        PERFORM create_hypertable('ingest.listener_events', 'occurred_at', chunk_time_interval => interval '1 day');
        PERFORM add_retention_policy('ingest.listener_events', interval '90 days');
    ELSE
        EXECUTE 'CREATE TABLE ingest.listener_events ' || columns || ' PARTITION BY RANGE (occurred_at)';
        IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_partman') THEN
            -- 31 days back (the oldest event accepted is 30 days old), 14 days ahead; older rows land in the default partition
            PERFORM partman.create_parent(p_parent_table => 'ingest.listener_events', p_control => 'occurred_at', p_type => 'native',
                                          p_interval => 'daily', p_premake => 14,
                                          p_start_partition => to_char(now() - interval '31 days', 'YYYY-MM-DD'));
            UPDATE partman.part_config SET retention = '90 days', retention_keep_table = false, infinite_time_partitions = true
             WHERE parent_table = 'ingest.listener_events';
        ELSE
            EXECUTE 'CREATE TABLE ingest.listener_events_default PARTITION OF ingest.listener_events DEFAULT';
        END IF;
    END IF;
    EXECUTE 'CREATE INDEX listener_events_0 ON ingest.listener_events (tenant_id, episode_id, occurred_at DESC)';
    EXECUTE 'ALTER TABLE ingest.listener_events ENABLE ROW LEVEL SECURITY';
    EXECUTE 'ALTER TABLE ingest.listener_events FORCE ROW LEVEL SECURITY';
    EXECUTE $p$CREATE POLICY listener_events_tenant_isolation ON ingest.listener_events
        USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
        WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)$p$;
    PERFORM ingest.secure_partitions('ingest.listener_events');
END
$$;
--rollback DELETE FROM partman.part_config WHERE parent_table = 'ingest.listener_events'; DROP TABLE ingest.listener_events CASCADE;
