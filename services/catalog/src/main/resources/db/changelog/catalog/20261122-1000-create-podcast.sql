--liquibase formatted sql

--changeset platform:catalog-20261122-1000-create-podcast
--comment: Podcasts of a tenant, with the state of their RSS ingestion; soft-deleted rows keep their id for history.
CREATE TABLE podcast (
    id                      uuid        PRIMARY KEY,
    tenant_id               uuid        NOT NULL,
    created_by              text        NOT NULL,
    title                   text        NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
    description             text,
    feed_url                text        CHECK (feed_url ~ '^https?://'),
    website_url             text,
    image_url               text,
    author                  text,
    language                text,
    platform_configs        jsonb       NOT NULL DEFAULT '{}',
    podcasting20            jsonb       NOT NULL DEFAULT '[]',
    ingestion_status        text        NOT NULL DEFAULT 'NOT_IMPORTED'
                                        CHECK (ingestion_status IN ('NOT_IMPORTED', 'IMPORTING', 'SUCCEEDED', 'FAILED')),
    last_ingested_at        timestamptz,
    last_import_attempt_at  timestamptz,
    last_import_error       text,
    feed_etag               text,
    feed_last_modified      text,
    version                 bigint      NOT NULL DEFAULT 1,
    created_at              timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now(),
    deleted_at              timestamptz
);
CREATE INDEX podcast_tenant ON podcast (tenant_id, created_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX podcast_import_due ON podcast (last_import_attempt_at NULLS FIRST) WHERE feed_url IS NOT NULL AND deleted_at IS NULL;
ALTER TABLE podcast ENABLE ROW LEVEL SECURITY;
ALTER TABLE podcast FORCE ROW LEVEL SECURITY;
CREATE POLICY podcast_tenant_isolation ON podcast
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
-- the re-import scheduler finds due feeds of every tenant, then imports each inside its own tenant
CREATE POLICY podcast_platform_scope_read ON podcast FOR SELECT
    USING (current_setting('app.platform_scope', true) = 'on');
--rollback DROP TABLE podcast;
