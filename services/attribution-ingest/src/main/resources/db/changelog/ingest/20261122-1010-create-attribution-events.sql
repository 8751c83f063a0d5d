--liquibase formatted sql

--changeset platform:ingest-20261122-1010-create-attribution-events splitStatements:false
--comment: Attribution touchpoints (page, screen, identify, group, alias, other track events, pixel views), kept 2 years. Time-partitioned on occurred_at: a TimescaleDB hypertable where the extension exists, otherwise native daily range partitions made ahead by pg_partman; the same queries work on both.
DO $$
DECLARE
    columns text := $cols$(
    tenant_id           uuid        NOT NULL,
    event_id            uuid        NOT NULL,
    message_id          text        NOT NULL,
    occurred_at         timestamptz NOT NULL,
    received_at         timestamptz NOT NULL,
    event_type          text        NOT NULL CHECK (event_type IN ('page', 'screen', 'track', 'identify', 'group', 'alias', 'pixel')),
    event_name          text,
    attribution_method  text        NOT NULL CHECK (attribution_method IN ('utm', 'pixel', 'sdk')),
    user_id             text,
    anonymous_id        text,
    session_id          text,
    attribution_data    jsonb,
    device_type         text,
    app_name            text,
    agent_kind          text        NOT NULL,
    bot                 boolean     NOT NULL,
    country_code        text        CHECK (country_code ~ '^[A-Z]{2}$'),
    ip_hash             text,
    household_hash      text,
    PRIMARY KEY (tenant_id, event_id, occurred_at)
    )$cols$;
BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb') THEN
        EXECUTE 'CREATE TABLE ingest.attribution_events ' || columns;
        PERFORM create_hypertable('ingest.attribution_events', 'occurred_at', chunk_time_interval => interval '1 day');
        PERFORM add_retention_policy('ingest.attribution_events', interval '2 years');
    ELSE
        EXECUTE 'CREATE TABLE ingest.attribution_events ' || columns || ' PARTITION BY RANGE (occurred_at)';
        IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_partman') THEN
            -- 31 days back (the oldest event accepted is 30 days old), 14 days ahead; older rows land in the default partition
            PERFORM partman.create_parent(p_parent_table => 'ingest.attribution_events', p_control => 'occurred_at', p_type => 'native',
                                          p_interval => 'daily', p_premake => 14,
                                          p_start_partition => to_char(now() - interval '31 days', 'YYYY-MM-DD'));
            UPDATE partman.part_config SET retention = '2 years', retention_keep_table = false, infinite_time_partitions = true
             WHERE parent_table = 'ingest.attribution_events';
        ELSE
            EXECUTE 'CREATE TABLE ingest.attribution_events_default PARTITION OF ingest.attribution_events DEFAULT';
        END IF;
    END IF;
    EXECUTE 'CREATE INDEX attribution_events_0 ON ingest.attribution_events (tenant_id, user_id, occurred_at DESC)';
    EXECUTE 'CREATE INDEX attribution_events_1 ON ingest.attribution_events (tenant_id, anonymous_id, occurred_at DESC)';
    EXECUTE 'ALTER TABLE ingest.attribution_events ENABLE ROW LEVEL SECURITY';
    EXECUTE 'ALTER TABLE ingest.attribution_events FORCE ROW LEVEL SECURITY';
    EXECUTE $p$CREATE POLICY attribution_events_tenant_isolation ON ingest.attribution_events
        USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
        WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)$p$;
    PERFORM ingest.secure_partitions('ingest.attribution_events');
END
$$;
--rollback DELETE FROM partman.part_config WHERE parent_table = 'ingest.attribution_events'; DROP TABLE ingest.attribution_events CASCADE;
