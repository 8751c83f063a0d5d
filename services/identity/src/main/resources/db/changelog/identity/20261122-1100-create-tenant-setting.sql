--liquibase formatted sql

--changeset platform:identity-20261122-1100-create-tenant-setting
--comment: Free-form settings of a tenant (key to JSON value), e.g. its time zone or the IAB window mode.
CREATE TABLE tenant_setting (
    tenant_id   uuid        NOT NULL,
    key         text        NOT NULL CHECK (key ~ '^[a-z][a-z0-9_.-]{0,99}$'),
    value       jsonb       NOT NULL,
    updated_by  text        NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, key)
);
ALTER TABLE tenant_setting ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenant_setting FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_setting_tenant ON tenant_setting
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
--rollback DROP TABLE tenant_setting;
