--liquibase formatted sql

--changeset platform:catalog-20261122-1050-create-content
--comment: Content (video, audio, written) and content series of a tenant (seed 002); slugs unique per tenant among live rows.
CREATE TABLE content_series (
    id             uuid          PRIMARY KEY,
    tenant_id      uuid          NOT NULL,
    creator_id     text          NOT NULL,
    title          text          NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
    slug           text          NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 500),
    description    text,
    thumbnail_url  text,
    price          numeric(10,2) CHECK (price >= 0),
    content_order  uuid[]        NOT NULL DEFAULT '{}',
    status         text          NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'archived')),
    published_at   timestamptz,
    version        bigint        NOT NULL DEFAULT 1,
    created_at     timestamptz   NOT NULL DEFAULT now(),
    updated_at     timestamptz   NOT NULL DEFAULT now(),
    deleted_at     timestamptz
);
CREATE UNIQUE INDEX content_series_slug ON content_series (tenant_id, slug) WHERE deleted_at IS NULL;
ALTER TABLE content_series ENABLE ROW LEVEL SECURITY;
ALTER TABLE content_series FORCE ROW LEVEL SECURITY;
CREATE POLICY content_series_tenant_isolation ON content_series
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

CREATE TABLE content (
    id                        uuid          PRIMARY KEY,
    tenant_id                 uuid          NOT NULL,
    creator_id                text          NOT NULL,
    title                     text          NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
    slug                      text          NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 500),
    description               text,
    content_type              text          NOT NULL CHECK (content_type IN ('video', 'audio', 'written')),
    media_url                 text,
    media_duration_seconds    integer       CHECK (media_duration_seconds >= 0),
    thumbnail_url             text,
    content_body              text,
    category                  text,
    tags                      text[]        NOT NULL DEFAULT '{}',
    series_id                 uuid          REFERENCES content_series (id),
    visibility                text          NOT NULL DEFAULT 'purchased_only'
                                            CHECK (visibility IN ('public', 'private', 'members_only', 'purchased_only')),
    price                     numeric(10,2) CHECK (price >= 0),
    status                    text          NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'archived')),
    published_at              timestamptz,
    view_count                integer       NOT NULL DEFAULT 0,
    purchase_count            integer       NOT NULL DEFAULT 0,
    prerequisite_content_ids  uuid[]        NOT NULL DEFAULT '{}',
    version                   bigint        NOT NULL DEFAULT 1,
    created_at                timestamptz   NOT NULL DEFAULT now(),
    updated_at                timestamptz   NOT NULL DEFAULT now(),
    deleted_at                timestamptz
);
CREATE UNIQUE INDEX content_slug ON content (tenant_id, slug) WHERE deleted_at IS NULL;
CREATE INDEX content_listing ON content (tenant_id, created_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX content_series_member ON content (series_id);
ALTER TABLE content ENABLE ROW LEVEL SECURITY;
ALTER TABLE content FORCE ROW LEVEL SECURITY;
CREATE POLICY content_tenant_isolation ON content
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
--rollback DROP TABLE content; DROP TABLE content_series;
