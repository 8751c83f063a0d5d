--liquibase formatted sql

--changeset platform:analytics-20261122-1910-index-listener-rows-by-podcast-and-episode
--comment: A podcast's or an episode's breakdown counts its listeners exactly over download_listener_hourly, whose key starts with the hour: without these it read every listener row of the period. The podcast index carries the columns a breakdown reads (an index-only scan: a large show has a tenth of a network's rows); an episode's rows are few enough to fetch from the table.
CREATE INDEX download_listener_hourly_by_podcast ON download_listener_hourly (tenant_id, bots_included, podcast_id, hour_start)
    INCLUDE (listener, downloads, country_code, app_name, device_type, platform);
CREATE INDEX download_listener_hourly_by_episode ON download_listener_hourly (tenant_id, bots_included, episode_id, hour_start);
--rollback DROP INDEX download_listener_hourly_by_podcast, download_listener_hourly_by_episode;
