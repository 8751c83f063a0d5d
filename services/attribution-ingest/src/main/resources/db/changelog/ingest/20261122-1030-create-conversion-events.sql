--liquibase formatted sql

--changeset platform:ingest-20261122-1030-create-conversion-events splitStatements:false
--comment: Conversions (orders, sign-ups) from track events, pixels, offline uploads and partner webhooks, kept 2 years. Time-partitioned on occurred_at: a TimescaleDB hypertable where the extension exists, otherwise native daily range partitions made ahead by pg_partman; the same queries work on both.
DO $$
DECLARE
    columns text := $cols$(
    tenant_id         uuid          NOT NULL,
    conversion_id     uuid          NOT NULL,
    message_id        text          NOT NULL,
    occurred_at       timestamptz   NOT NULL,
    received_at       timestamptz   NOT NULL,
    source            text          NOT NULL CHECK (source IN ('TRACK', 'PIXEL', 'OFFLINE', 'WEBHOOK')),
    conversion_type   text          NOT NULL,
    order_id          text,
    conversion_value  numeric(18,4),
    currency          text          CHECK (currency ~ '^[A-Z]{3}$'),
    user_id           text,
    anonymous_id      text,
    landing_page_url  text,
    referrer_url      text,
    utm_source        text,
    utm_medium        text,
    utm_campaign      text,
    device_type       text,
    agent_kind        text          NOT NULL,
    bot               boolean       NOT NULL,
    country_code      text          CHECK (country_code ~ '^[A-Z]{2}$'),
    ip_hash           text,
    household_hash    text,
    PRIMARY KEY (tenant_id, conversion_id, occurred_at)
    )$cols$;
BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb') THEN
        EXECUTE 'CREATE TABLE ingest.conversion_events ' || columns;
        PERFORM create_hypertable('ingest.conversion_events', 'occurred_at', chunk_time_interval => interval '1 day');
        PERFORM add_retention_policy('ingest.conversion_events', interval '2 years');
    ELSE
        EXECUTE 'CREATE TABLE ingest.conversion_events ' || columns || ' PARTITION BY RANGE (occurred_at)';
        IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_partman') THEN
            -- 31 days back (the oldest event accepted is 30 days old), 14 days ahead; older rows land in the default partition
            PERFORM partman.create_parent(p_parent_table => 'ingest.conversion_events', p_control => 'occurred_at', p_type => 'native',
                                          p_interval => 'daily', p_premake => 14,
                                          p_start_partition => to_char(now() - interval '31 days', 'YYYY-MM-DD'));
            UPDATE partman.part_config SET retention = '2 years', retention_keep_table = false, infinite_time_partitions = true
             WHERE parent_table = 'ingest.conversion_events';
        ELSE
            EXECUTE 'CREATE TABLE ingest.conversion_events_default PARTITION OF ingest.conversion_events DEFAULT';
        END IF;
    END IF;
    EXECUTE 'CREATE INDEX conversion_events_0 ON ingest.conversion_events (tenant_id, order_id)';
    EXECUTE 'ALTER TABLE ingest.conversion_events ENABLE ROW LEVEL SECURITY';
    EXECUTE 'ALTER TABLE ingest.conversion_events FORCE ROW LEVEL SECURITY';
    EXECUTE $p$CREATE POLICY conversion_events_tenant_isolation ON ingest.conversion_events
        USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
        WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)$p$;
    PERFORM ingest.secure_partitions('ingest.conversion_events');
END
$$;
--rollback DELETE FROM partman.part_config WHERE parent_table = 'ingest.conversion_events'; DROP TABLE ingest.conversion_events CASCADE;
