--liquibase formatted sql

--changeset platform:analytics-20261122-1930-cover-listener-rows-by-episode
--comment: An episode's breakdown read its listener rows from the table through download_listener_hourly_by_episode (a hit episode has tens of thousands of rows a month, each a heap fetch: p95 47 ms at 10 M); the index now carries the columns a breakdown reads, as the podcast one does, so it is an index-only scan.
DROP INDEX download_listener_hourly_by_episode;
CREATE INDEX download_listener_hourly_by_episode ON download_listener_hourly (tenant_id, bots_included, episode_id, hour_start)
    INCLUDE (listener, downloads, country_code, app_name, device_type, platform);
--rollback DROP INDEX download_listener_hourly_by_episode;
--rollback CREATE INDEX download_listener_hourly_by_episode ON download_listener_hourly (tenant_id, bots_included, episode_id, hour_start);
