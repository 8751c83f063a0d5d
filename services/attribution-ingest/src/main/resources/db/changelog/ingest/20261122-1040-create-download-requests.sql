--liquibase formatted sql

--changeset platform:ingest-20261122-1040-create-download-requests splitStatements:false
--comment: Requests through the download prefix (the raw material of IAB download counts), kept 2 years. Time-partitioned on occurred_at: a TimescaleDB hypertable where the extension exists, otherwise native daily range partitions made ahead by pg_partman; the same queries work on both.
DO $$
DECLARE
    columns text := $cols$(
    tenant_id       uuid        NOT NULL,
    request_id      uuid        NOT NULL,
    occurred_at     timestamptz NOT NULL,
    method          text        NOT NULL CHECK (method IN ('GET', 'HEAD')),
    enclosure_url   text        NOT NULL,
    episode_id      uuid,
    podcast_id      uuid,
    range_header    text,
    referrer        text,
    user_agent      text,
    agent_kind      text        NOT NULL,
    agent_name      text,
    app_name        text,
    device_type     text,
    bot             boolean     NOT NULL,
    country_code    text        CHECK (country_code ~ '^[A-Z]{2}$'),
    ip_hash         text,
    household_hash  text,
    PRIMARY KEY (tenant_id, request_id, occurred_at)
    )$cols$;
BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb') THEN
        EXECUTE 'CREATE TABLE ingest.download_requests ' || columns;
        PERFORM create_hypertable('ingest.download_requests', 'occurred_at', chunk_time_interval => interval '1 day');
        PERFORM add_retention_policy('ingest.download_requests', interval '2 years');
    ELSE
        EXECUTE 'CREATE TABLE ingest.download_requests ' || columns || ' PARTITION BY RANGE (occurred_at)';
        IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_partman') THEN
            -- 31 days back (the oldest event accepted is 30 days old), 14 days ahead; older rows land in the default partition
            PERFORM partman.create_parent(p_parent_table => 'ingest.download_requests', p_control => 'occurred_at', p_type => 'native',
                                          p_interval => 'daily', p_premake => 14,
                                          p_start_partition => to_char(now() - interval '31 days', 'YYYY-MM-DD'));
            UPDATE partman.part_config SET retention = '2 years', retention_keep_table = false, infinite_time_partitions = true
             WHERE parent_table = 'ingest.download_requests';
        ELSE
            EXECUTE 'CREATE TABLE ingest.download_requests_default PARTITION OF ingest.download_requests DEFAULT';
        END IF;
    END IF;
    EXECUTE 'CREATE INDEX download_requests_0 ON ingest.download_requests (tenant_id, episode_id, occurred_at DESC)';
    EXECUTE 'ALTER TABLE ingest.download_requests ENABLE ROW LEVEL SECURITY';
    EXECUTE 'ALTER TABLE ingest.download_requests FORCE ROW LEVEL SECURITY';
    EXECUTE $p$CREATE POLICY download_requests_tenant_isolation ON ingest.download_requests
        USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
        WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)$p$;
    PERFORM ingest.secure_partitions('ingest.download_requests');
END
$$;
--rollback DELETE FROM partman.part_config WHERE parent_table = 'ingest.download_requests'; DROP TABLE ingest.download_requests CASCADE;
