--liquibase formatted sql

--changeset platform:analytics-20261122-1900-create-listener-sketches splitStatements:false
--comment: Unique-listener sketches per UTC hour: HyperLogLog sets (the postgresql-hll extension's hll type in its binary form, hll_send, read back by the bytea::hll cast; log2m 14 and regwidth 5: exact up to about 1,280 listeners, then a standard error of 0.81 %) of the listeners in download_listener_hourly, for the whole tenant, per podcast, per episode and per value of each breakdown dimension, with the downloads they counted. A period's unique listeners are the union of its hours' sets, so dashboards over months read hundreds of rows instead of counting millions distinct. Derived from download_listener_hourly by the service in the same transaction as its replacement, and only where the hll extension is installed (elsewhere the tables stay empty and the service counts distinct over download_listener_hourly). Existing listener rows are sketched once here when the extension exists (the forced row-level security of download_listener_hourly is lifted for the owner for this changeset's transaction only).
CREATE TABLE listener_sketch_tenant_hourly (
    tenant_id      uuid        NOT NULL,
    bots_included  boolean     NOT NULL,
    hour_start     timestamptz NOT NULL,
    listeners      bytea       NOT NULL,
    downloads      bigint      NOT NULL CHECK (downloads > 0),
    PRIMARY KEY (tenant_id, bots_included, hour_start)
);
CREATE TABLE listener_sketch_podcast_hourly (
    tenant_id      uuid        NOT NULL,
    bots_included  boolean     NOT NULL,
    podcast_id     uuid        NOT NULL,
    hour_start     timestamptz NOT NULL,
    listeners      bytea       NOT NULL,
    downloads      bigint      NOT NULL CHECK (downloads > 0),
    PRIMARY KEY (tenant_id, bots_included, podcast_id, hour_start)
);
-- the derivation replaces a period's rows of every podcast or episode
CREATE INDEX listener_sketch_podcast_hourly_by_hour ON listener_sketch_podcast_hourly (tenant_id, bots_included, hour_start);
CREATE TABLE listener_sketch_episode_hourly (
    tenant_id      uuid        NOT NULL,
    bots_included  boolean     NOT NULL,
    episode_id     uuid        NOT NULL,
    hour_start     timestamptz NOT NULL,
    podcast_id     uuid,
    listeners      bytea       NOT NULL,
    downloads      bigint      NOT NULL CHECK (downloads > 0),
    PRIMARY KEY (tenant_id, bots_included, episode_id, hour_start)
);
CREATE INDEX listener_sketch_episode_hourly_by_hour ON listener_sketch_episode_hourly (tenant_id, bots_included, hour_start);
CREATE TABLE listener_sketch_dimension_hourly (
    tenant_id      uuid        NOT NULL,
    bots_included  boolean     NOT NULL,
    dimension      text        NOT NULL CHECK (dimension IN ('country', 'app', 'device', 'platform')),
    hour_start     timestamptz NOT NULL,
    value          text        NOT NULL,
    listeners      bytea       NOT NULL,
    downloads      bigint      NOT NULL CHECK (downloads > 0),
    PRIMARY KEY (tenant_id, bots_included, dimension, hour_start, value)
);
-- the listener key is already a uniform 64-bit hash (SHA-256 prefix): it is the set's hash value as it is.
-- EXECUTE, so the hll functions are looked up only where the extension exists.
DO $sketch$
DECLARE
  hll_schema text := (SELECT extnamespace::regnamespace::text FROM pg_extension WHERE extname = 'hll');
BEGIN
  IF hll_schema IS NOT NULL THEN
    PERFORM set_config('search_path', current_setting('search_path') || ', ' || hll_schema, true);
    ALTER TABLE download_listener_hourly NO FORCE ROW LEVEL SECURITY;
    EXECUTE $sql$
      INSERT INTO listener_sketch_tenant_hourly (tenant_id, bots_included, hour_start, listeners, downloads)
      SELECT tenant_id, bots_included, hour_start, hll_send(hll_add_agg(listener::hll_hashval, 14, 5)), sum(downloads)
        FROM download_listener_hourly GROUP BY tenant_id, bots_included, hour_start$sql$;
    EXECUTE $sql$
      INSERT INTO listener_sketch_podcast_hourly (tenant_id, bots_included, podcast_id, hour_start, listeners, downloads)
      SELECT tenant_id, bots_included, podcast_id, hour_start, hll_send(hll_add_agg(listener::hll_hashval, 14, 5)), sum(downloads)
        FROM download_listener_hourly WHERE podcast_id IS NOT NULL GROUP BY tenant_id, bots_included, podcast_id, hour_start$sql$;
    EXECUTE $sql$
      INSERT INTO listener_sketch_episode_hourly (tenant_id, bots_included, episode_id, hour_start, podcast_id, listeners, downloads)
      SELECT tenant_id, bots_included, episode_id, hour_start, max(podcast_id::text)::uuid, hll_send(hll_add_agg(listener::hll_hashval, 14, 5)),
             sum(downloads)
        FROM download_listener_hourly GROUP BY tenant_id, bots_included, episode_id, hour_start$sql$;
    EXECUTE $sql$
      INSERT INTO listener_sketch_dimension_hourly (tenant_id, bots_included, dimension, hour_start, value, listeners, downloads)
      SELECT tenant_id, bots_included, d.dimension, hour_start, COALESCE(d.value, 'unknown'), hll_send(hll_add_agg(listener::hll_hashval, 14, 5)),
             sum(downloads)
        FROM download_listener_hourly
       CROSS JOIN LATERAL (VALUES ('country', country_code), ('app', app_name), ('device', device_type), ('platform', platform)) d(dimension, value)
       GROUP BY tenant_id, bots_included, d.dimension, hour_start, COALESCE(d.value, 'unknown')$sql$;
    ALTER TABLE download_listener_hourly FORCE ROW LEVEL SECURITY;
  END IF;
END
$sketch$;
ALTER TABLE listener_sketch_tenant_hourly ENABLE ROW LEVEL SECURITY;
ALTER TABLE listener_sketch_tenant_hourly FORCE ROW LEVEL SECURITY;
CREATE POLICY listener_sketch_tenant_hourly_tenant ON listener_sketch_tenant_hourly
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
ALTER TABLE listener_sketch_podcast_hourly ENABLE ROW LEVEL SECURITY;
ALTER TABLE listener_sketch_podcast_hourly FORCE ROW LEVEL SECURITY;
CREATE POLICY listener_sketch_podcast_hourly_tenant ON listener_sketch_podcast_hourly
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
ALTER TABLE listener_sketch_episode_hourly ENABLE ROW LEVEL SECURITY;
ALTER TABLE listener_sketch_episode_hourly FORCE ROW LEVEL SECURITY;
CREATE POLICY listener_sketch_episode_hourly_tenant ON listener_sketch_episode_hourly
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
ALTER TABLE listener_sketch_dimension_hourly ENABLE ROW LEVEL SECURITY;
ALTER TABLE listener_sketch_dimension_hourly FORCE ROW LEVEL SECURITY;
CREATE POLICY listener_sketch_dimension_hourly_tenant ON listener_sketch_dimension_hourly
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
--rollback DROP TABLE listener_sketch_tenant_hourly, listener_sketch_podcast_hourly, listener_sketch_episode_hourly, listener_sketch_dimension_hourly;
