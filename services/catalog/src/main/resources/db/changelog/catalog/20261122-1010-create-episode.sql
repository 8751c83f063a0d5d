--liquibase formatted sql

--changeset platform:catalog-20261122-1010-create-episode
--comment: Episodes of a podcast; the guid is unique per podcast so re-importing a feed updates instead of duplicating.
CREATE TABLE episode (
    id                 uuid        PRIMARY KEY,
    tenant_id          uuid        NOT NULL,
    podcast_id         uuid        NOT NULL REFERENCES podcast (id),
    guid               text        NOT NULL CHECK (length(guid) BETWEEN 1 AND 2000),
    title              text        NOT NULL CHECK (length(title) <= 2000),
    description        text,
    audio_url          text        NOT NULL CHECK (audio_url ~ '^https?://' AND length(audio_url) <= 4000),
    enclosure_length   bigint      CHECK (enclosure_length >= 0),
    enclosure_type     text,
    duration_seconds   integer     CHECK (duration_seconds >= 0),
    publish_date       timestamptz,
    season_number      integer     CHECK (season_number >= 0),
    episode_number     integer     CHECK (episode_number >= 0),
    episode_type       text,
    explicit           boolean,
    image_url          text,
    podcasting20       jsonb       NOT NULL DEFAULT '[]',
    transcript_status  text        NOT NULL DEFAULT 'NONE' CHECK (transcript_status IN ('NONE', 'AVAILABLE')),
    ad_slots           jsonb       NOT NULL DEFAULT '[]',
    version            bigint      NOT NULL DEFAULT 1,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    deleted_at         timestamptz,
    CONSTRAINT episode_guid_per_podcast UNIQUE (tenant_id, podcast_id, guid)
);
CREATE INDEX episode_listing ON episode (tenant_id, (COALESCE(publish_date, '0001-01-01T00:00:00Z'::timestamptz)) DESC, id DESC)
    WHERE deleted_at IS NULL;
CREATE INDEX episode_podcast ON episode (podcast_id);
ALTER TABLE episode ENABLE ROW LEVEL SECURITY;
ALTER TABLE episode FORCE ROW LEVEL SECURITY;
CREATE POLICY episode_tenant_isolation ON episode
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
--rollback DROP TABLE episode;
