--liquibase formatted sql

--changeset platform:analytics-20261122-1700-create-coarser-download-rollups
--comment: Coarser download rollups for the dashboards (a whole-tenant or one podcast's series, top episodes), derived from download_hourly in the same transaction as its delete + insert of a period (the service aggregates the recomputed hours or UTC days again), so they never disagree with it: per tenant and UTC hour, per podcast and UTC hour, per episode and UTC day. Existing rollups are copied in once here (download_hourly's forced row-level security is lifted for the owner for the duration of this changeset's transaction only).
CREATE TABLE download_tenant_hourly (
    tenant_id      uuid        NOT NULL,
    bots_included  boolean     NOT NULL,
    hour_start     timestamptz NOT NULL,
    downloads      bigint      NOT NULL CHECK (downloads > 0),
    PRIMARY KEY (tenant_id, bots_included, hour_start)
);
CREATE TABLE download_podcast_hourly (
    tenant_id      uuid        NOT NULL,
    bots_included  boolean     NOT NULL,
    podcast_id     uuid        NOT NULL,
    hour_start     timestamptz NOT NULL,
    downloads      bigint      NOT NULL CHECK (downloads > 0),
    PRIMARY KEY (tenant_id, bots_included, podcast_id, hour_start)
);
-- the derivation replaces a period's rows of every podcast
CREATE INDEX download_podcast_hourly_by_hour ON download_podcast_hourly (tenant_id, bots_included, hour_start);
CREATE TABLE download_episode_daily (
    tenant_id      uuid        NOT NULL,
    bots_included  boolean     NOT NULL,
    day_utc        date        NOT NULL,
    episode_id     uuid        NOT NULL,
    podcast_id     uuid,
    downloads      bigint      NOT NULL CHECK (downloads > 0),
    PRIMARY KEY (tenant_id, bots_included, day_utc, episode_id)
);
ALTER TABLE download_hourly NO FORCE ROW LEVEL SECURITY;
INSERT INTO download_tenant_hourly (tenant_id, bots_included, hour_start, downloads)
SELECT tenant_id, bots_included, hour_start, sum(downloads) FROM download_hourly GROUP BY tenant_id, bots_included, hour_start;
INSERT INTO download_podcast_hourly (tenant_id, bots_included, podcast_id, hour_start, downloads)
SELECT tenant_id, bots_included, podcast_id, hour_start, sum(downloads) FROM download_hourly
 WHERE podcast_id IS NOT NULL GROUP BY tenant_id, bots_included, podcast_id, hour_start;
INSERT INTO download_episode_daily (tenant_id, bots_included, day_utc, episode_id, podcast_id, downloads)
SELECT tenant_id, bots_included, (hour_start AT TIME ZONE 'UTC')::date, episode_id, max(podcast_id::text)::uuid, sum(downloads)
  FROM download_hourly GROUP BY tenant_id, bots_included, (hour_start AT TIME ZONE 'UTC')::date, episode_id;
ALTER TABLE download_hourly FORCE ROW LEVEL SECURITY;
ALTER TABLE download_tenant_hourly ENABLE ROW LEVEL SECURITY;
ALTER TABLE download_tenant_hourly FORCE ROW LEVEL SECURITY;
CREATE POLICY download_tenant_hourly_tenant ON download_tenant_hourly
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
ALTER TABLE download_podcast_hourly ENABLE ROW LEVEL SECURITY;
ALTER TABLE download_podcast_hourly FORCE ROW LEVEL SECURITY;
CREATE POLICY download_podcast_hourly_tenant ON download_podcast_hourly
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
ALTER TABLE download_episode_daily ENABLE ROW LEVEL SECURITY;
ALTER TABLE download_episode_daily FORCE ROW LEVEL SECURITY;
CREATE POLICY download_episode_daily_tenant ON download_episode_daily
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
--rollback DROP TABLE download_tenant_hourly, download_podcast_hourly, download_episode_daily;
