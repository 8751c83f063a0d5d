--liquibase formatted sql

--changeset platform:catalog-20261122-1020-create-transcript
--comment: Transcripts of an episode, one per language; text, timed JSON segments or both.
CREATE TABLE transcript (
    id                uuid        PRIMARY KEY,
    tenant_id         uuid        NOT NULL,
    episode_id        uuid        NOT NULL REFERENCES episode (id),
    status            text        NOT NULL DEFAULT 'COMPLETED' CHECK (status IN ('PENDING', 'COMPLETED', 'FAILED')),
    source            text        NOT NULL DEFAULT 'upload',
    language          text        NOT NULL CHECK (language ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$'),
    transcript_text   text,
    transcript_json   jsonb,
    word_count        integer     NOT NULL CHECK (word_count >= 0),
    duration_seconds  integer     CHECK (duration_seconds >= 0),
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT transcript_language_per_episode UNIQUE (tenant_id, episode_id, language)
);
ALTER TABLE transcript ENABLE ROW LEVEL SECURITY;
ALTER TABLE transcript FORCE ROW LEVEL SECURITY;
CREATE POLICY transcript_tenant_isolation ON transcript
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
--rollback DROP TABLE transcript;
