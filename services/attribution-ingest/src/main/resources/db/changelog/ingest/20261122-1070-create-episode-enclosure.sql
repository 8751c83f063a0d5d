--liquibase formatted sql

--changeset platform:ingest-20261122-1070-create-episode-enclosure
--comment: Ingest's copy of catalog.episode.v1 (highest version per episode wins), to name the episode of a download by its enclosure URL. enclosure_key is the URL without its scheme, as the download prefix carries it.
CREATE TABLE episode_enclosure (
    episode_id        uuid        PRIMARY KEY,
    tenant_id         uuid        NOT NULL,
    podcast_id        uuid        NOT NULL,
    enclosure_url     text        NOT NULL,
    enclosure_key     text        NOT NULL,
    enclosure_length  bigint,
    duration_seconds  integer,
    deleted           boolean     NOT NULL,
    version           bigint      NOT NULL,
    updated_at        timestamptz NOT NULL,
    received_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX episode_enclosure_key ON episode_enclosure (tenant_id, enclosure_key) WHERE NOT deleted;
ALTER TABLE episode_enclosure ENABLE ROW LEVEL SECURITY;
ALTER TABLE episode_enclosure FORCE ROW LEVEL SECURITY;
CREATE POLICY episode_enclosure_tenant_isolation ON episode_enclosure
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
--rollback DROP TABLE episode_enclosure;
