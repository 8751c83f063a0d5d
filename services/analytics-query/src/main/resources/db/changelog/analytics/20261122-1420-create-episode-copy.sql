--liquibase formatted sql

--changeset platform:analytics-20261122-1420-create-episode-copy
--comment: Analytics' copy of catalog.episode.v1: byte length and duration give the IAB one-minute threshold of each episode.
CREATE TABLE episode_copy (
    episode_id        uuid        PRIMARY KEY,
    tenant_id         uuid        NOT NULL,
    podcast_id        uuid        NOT NULL,
    enclosure_length  bigint,
    duration_seconds  integer,
    deleted           boolean     NOT NULL,
    version           bigint      NOT NULL,
    received_at       timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE episode_copy ENABLE ROW LEVEL SECURITY;
ALTER TABLE episode_copy FORCE ROW LEVEL SECURITY;
CREATE POLICY episode_copy_tenant ON episode_copy
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
--rollback DROP TABLE episode_copy;
