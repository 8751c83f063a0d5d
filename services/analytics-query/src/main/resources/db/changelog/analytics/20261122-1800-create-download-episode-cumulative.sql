--liquibase formatted sql

--changeset platform:analytics-20261122-1800-create-download-episode-cumulative
--comment: Per-episode running download totals by UTC day, so top episodes over whole UTC days are one subtraction per episode (total through the last day minus total through the day before the first) instead of a sum over every episode's days. Dense: one row per episode and variant for every day from its first day with downloads through the last day rolled up for the tenant and variant; podcast_id is the podcast of the episode's latest daily row through that day. Derived from download_episode_daily in the same transaction as its replacement. Existing totals are computed once here (download_episode_daily's forced row-level security is lifted for the owner for the duration of this changeset's transaction only).
CREATE TABLE download_episode_cumulative (
    tenant_id              uuid    NOT NULL,
    bots_included          boolean NOT NULL,
    day_utc                date    NOT NULL,
    episode_id             uuid    NOT NULL,
    podcast_id             uuid,
    downloads_through_day  bigint  NOT NULL CHECK (downloads_through_day > 0),
    PRIMARY KEY (tenant_id, bots_included, day_utc, episode_id)
);
ALTER TABLE download_episode_daily NO FORCE ROW LEVEL SECURITY;
INSERT INTO download_episode_cumulative (tenant_id, bots_included, day_utc, episode_id, podcast_id, downloads_through_day)
SELECT tenant_id, bots_included, day_utc, episode_id, (max(changed_podcast::text) OVER since_change)::uuid, downloads_through_day
  FROM (SELECT e.tenant_id, e.bots_included, g.day::date AS day_utc, e.episode_id, d.podcast_id AS changed_podcast,
               count(d.episode_id) OVER through_day AS change,
               sum(COALESCE(d.downloads, 0)) OVER through_day AS downloads_through_day
          FROM (SELECT tenant_id, bots_included, episode_id, min(day_utc) AS first_day
                  FROM download_episode_daily GROUP BY tenant_id, bots_included, episode_id) e
          JOIN (SELECT tenant_id, bots_included, max(day_utc) AS last_day
                  FROM download_episode_daily GROUP BY tenant_id, bots_included) t USING (tenant_id, bots_included)
         CROSS JOIN LATERAL generate_series(e.first_day, t.last_day, interval '1 day') g(day)
          LEFT JOIN download_episode_daily d ON d.tenant_id = e.tenant_id AND d.bots_included = e.bots_included
                                            AND d.day_utc = g.day::date AND d.episode_id = e.episode_id
        WINDOW through_day AS (PARTITION BY e.tenant_id, e.bots_included, e.episode_id ORDER BY g.day)) running
WINDOW since_change AS (PARTITION BY tenant_id, bots_included, episode_id, change);
ALTER TABLE download_episode_daily FORCE ROW LEVEL SECURITY;
ALTER TABLE download_episode_cumulative ENABLE ROW LEVEL SECURITY;
ALTER TABLE download_episode_cumulative FORCE ROW LEVEL SECURITY;
CREATE POLICY download_episode_cumulative_tenant ON download_episode_cumulative
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
--rollback DROP TABLE download_episode_cumulative;
