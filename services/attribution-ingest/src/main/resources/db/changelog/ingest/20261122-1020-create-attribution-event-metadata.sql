--liquibase formatted sql

--changeset platform:ingest-20261122-1020-create-attribution-event-metadata splitStatements:false
--comment: Page URL, referrer, user agent and UTM fields of an attribution event (same key and partitions). Time-partitioned on occurred_at: a TimescaleDB hypertable where the extension exists, otherwise native daily range partitions made ahead by pg_partman; the same queries work on both.
DO $$
DECLARE
    columns text := $cols$(
    tenant_id     uuid        NOT NULL,
    event_id      uuid        NOT NULL,
    occurred_at   timestamptz NOT NULL,
    page_url      text,
    referrer      text,
    user_agent    text,
    utm_source    text,
    utm_medium    text,
    utm_campaign  text,
    utm_term      text,
    utm_content   text,
    metadata      jsonb,
    PRIMARY KEY (tenant_id, event_id, occurred_at)
    )$cols$;
BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb') THEN
        EXECUTE 'CREATE TABLE ingest.attribution_event_metadata ' || columns;
        PERFORM create_hypertable('ingest.attribution_event_metadata', 'occurred_at', chunk_time_interval => interval '1 day');
        PERFORM add_retention_policy('ingest.attribution_event_metadata', interval '2 years');
    ELSE
        EXECUTE 'CREATE TABLE ingest.attribution_event_metadata ' || columns || ' PARTITION BY RANGE (occurred_at)';
        IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_partman') THEN
            -- 31 days back (the oldest event accepted is 30 days old), 14 days ahead; older rows land in the default partition
            PERFORM partman.create_parent(p_parent_table => 'ingest.attribution_event_metadata', p_control => 'occurred_at', p_type => 'native',
                                          p_interval => 'daily', p_premake => 14,
                                          p_start_partition => to_char(now() - interval '31 days', 'YYYY-MM-DD'));
            UPDATE partman.part_config SET retention = '2 years', retention_keep_table = false, infinite_time_partitions = true
             WHERE parent_table = 'ingest.attribution_event_metadata';
        ELSE
            EXECUTE 'CREATE TABLE ingest.attribution_event_metadata_default PARTITION OF ingest.attribution_event_metadata DEFAULT';
        END IF;
    END IF;
    EXECUTE 'CREATE INDEX attribution_event_metadata_0 ON ingest.attribution_event_metadata (tenant_id, utm_campaign, occurred_at DESC)';
    EXECUTE 'ALTER TABLE ingest.attribution_event_metadata ENABLE ROW LEVEL SECURITY';
    EXECUTE 'ALTER TABLE ingest.attribution_event_metadata FORCE ROW LEVEL SECURITY';
    EXECUTE $p$CREATE POLICY attribution_event_metadata_tenant_isolation ON ingest.attribution_event_metadata
        USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
        WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)$p$;
    PERFORM ingest.secure_partitions('ingest.attribution_event_metadata');
END
$$;
--rollback DELETE FROM partman.part_config WHERE parent_table = 'ingest.attribution_event_metadata'; DROP TABLE ingest.attribution_event_metadata CASCADE;
