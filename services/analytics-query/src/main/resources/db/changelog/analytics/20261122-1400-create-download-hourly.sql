--liquibase formatted sql

--changeset platform:analytics-20261122-1400-create-download-hourly
--comment: IAB downloads per tenant, episode and UTC hour, with and without bots (OP3's bots=include|exclude), recomputed by the service over a window (delete + insert in one transaction) so late rows count exactly once; rollup_watermark records how far each tenant's rollups reach.
CREATE TABLE download_hourly (
    tenant_id      uuid        NOT NULL,
    bots_included  boolean     NOT NULL,
    episode_id     uuid        NOT NULL,
    hour_start     timestamptz NOT NULL,
    podcast_id     uuid,
    downloads      bigint      NOT NULL CHECK (downloads > 0),
    PRIMARY KEY (tenant_id, bots_included, episode_id, hour_start)
);
CREATE INDEX download_hourly_by_hour ON download_hourly (tenant_id, bots_included, hour_start);
ALTER TABLE download_hourly ENABLE ROW LEVEL SECURITY;
ALTER TABLE download_hourly FORCE ROW LEVEL SECURITY;
CREATE POLICY download_hourly_tenant ON download_hourly
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
CREATE TABLE rollup_watermark (
    tenant_id        uuid        PRIMARY KEY,
    computed_through timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE rollup_watermark ENABLE ROW LEVEL SECURITY;
ALTER TABLE rollup_watermark FORCE ROW LEVEL SECURITY;
CREATE POLICY rollup_watermark_tenant ON rollup_watermark
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
--rollback DROP TABLE download_hourly, rollup_watermark;
