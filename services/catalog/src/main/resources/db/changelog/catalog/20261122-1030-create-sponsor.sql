--liquibase formatted sql

--changeset platform:catalog-20261122-1030-create-sponsor
--comment: Sponsors (advertisers) of a tenant; campaigns in commerce refer to them by id.
CREATE TABLE sponsor (
    id            uuid        PRIMARY KEY,
    tenant_id     uuid        NOT NULL,
    created_by    text        NOT NULL,
    name          text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    company       text,
    email         text,
    contact_name  text,
    website_url   text,
    logo_url      text,
    industry      text,
    version       bigint      NOT NULL DEFAULT 1,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    deleted_at    timestamptz
);
CREATE INDEX sponsor_tenant ON sponsor (tenant_id, created_at DESC, id DESC) WHERE deleted_at IS NULL;
ALTER TABLE sponsor ENABLE ROW LEVEL SECURITY;
ALTER TABLE sponsor FORCE ROW LEVEL SECURITY;
CREATE POLICY sponsor_tenant_isolation ON sponsor
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
--rollback DROP TABLE sponsor;
