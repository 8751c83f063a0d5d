--liquibase formatted sql

--changeset platform:catalog-20261122-1130-create-template-and-bonus
--comment: Reusable tool templates (seed 003) and bonuses delivered with affiliate campaigns (seed 004; the campaign lives in commerce).
CREATE TABLE template (
    id             uuid        PRIMARY KEY,
    tenant_id      uuid        NOT NULL,
    created_by     text        NOT NULL,
    name           text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    slug           text        NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    description    text,
    tool_id        text        NOT NULL CHECK (length(tool_id) BETWEEN 1 AND 100),
    preset_inputs  jsonb       NOT NULL DEFAULT '{}',
    category       text,
    tags           text[]      NOT NULL DEFAULT '{}',
    is_public      boolean     NOT NULL DEFAULT false,
    use_count      integer     NOT NULL DEFAULT 0,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    deleted_at     timestamptz
);
CREATE UNIQUE INDEX template_slug ON template (tenant_id, slug) WHERE deleted_at IS NULL;
ALTER TABLE template ENABLE ROW LEVEL SECURITY;
ALTER TABLE template FORCE ROW LEVEL SECURITY;
CREATE POLICY template_tenant_isolation ON template
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

CREATE TABLE bonus (
    id                 uuid        PRIMARY KEY,
    tenant_id          uuid        NOT NULL,
    campaign_id        uuid        NOT NULL,
    name               text        NOT NULL CHECK (length(name) BETWEEN 1 AND 255),
    description        text,
    file_url           text        CHECK (file_url ~ '^https?://'),
    delivery_method    text        NOT NULL DEFAULT 'email' CHECK (delivery_method IN ('email', 'download')),
    is_active          boolean     NOT NULL DEFAULT true,
    metadata           jsonb       NOT NULL DEFAULT '{}',
    delivered_count    integer     NOT NULL DEFAULT 0,
    last_delivered_at  timestamptz,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    deleted_at         timestamptz
);
CREATE INDEX bonus_campaign ON bonus (tenant_id, campaign_id) WHERE deleted_at IS NULL;
ALTER TABLE bonus ENABLE ROW LEVEL SECURITY;
ALTER TABLE bonus FORCE ROW LEVEL SECURITY;
CREATE POLICY bonus_tenant_isolation ON bonus
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
--rollback DROP TABLE bonus; DROP TABLE template;
