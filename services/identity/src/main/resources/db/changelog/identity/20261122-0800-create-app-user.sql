--liquibase formatted sql

--changeset platform:identity-20261122-0800-create-app-user
--comment: Members of a tenant, linked to their Keycloak user (same id); credentials stay in Keycloak.
CREATE TABLE app_user (
    id             uuid        PRIMARY KEY,
    tenant_id      uuid        NOT NULL,
    email          text        NOT NULL,
    first_name     text,
    last_name      text,
    status         text        NOT NULL DEFAULT 'INVITED' CHECK (status IN ('INVITED', 'ACTIVE', 'DISABLED', 'REMOVED')),
    invited_by     text,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    last_login_at  timestamptz
);
CREATE UNIQUE INDEX app_user_tenant_email ON app_user (tenant_id, lower(email)) WHERE status <> 'REMOVED';
CREATE INDEX app_user_tenant_created ON app_user (tenant_id, created_at DESC, id DESC);
ALTER TABLE app_user ENABLE ROW LEVEL SECURITY;
ALTER TABLE app_user FORCE ROW LEVEL SECURITY;
CREATE POLICY app_user_tenant ON app_user
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
--rollback DROP TABLE app_user;
