--liquibase formatted sql

--changeset platform:identity-20261122-1000-create-role
--comment: Custom roles of a tenant (the system roles live in code and Keycloak), and their assignment to members with an optional expiry.
CREATE TABLE custom_role (
    id           uuid        PRIMARY KEY,
    tenant_id    uuid        NOT NULL,
    name         text        NOT NULL CHECK (name ~ '^[a-z][a-z0-9-]{1,49}$'),
    description  text        NOT NULL DEFAULT '',
    permissions  text[]      NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, name)
);
CREATE TABLE user_role (
    tenant_id    uuid        NOT NULL,
    user_id      uuid        NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    role_id      uuid        NOT NULL REFERENCES custom_role (id) ON DELETE CASCADE,
    assigned_by  text        NOT NULL,
    assigned_at  timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz,
    PRIMARY KEY (user_id, role_id)
);
ALTER TABLE custom_role ENABLE ROW LEVEL SECURITY;
ALTER TABLE custom_role FORCE ROW LEVEL SECURITY;
CREATE POLICY custom_role_tenant ON custom_role
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
ALTER TABLE user_role ENABLE ROW LEVEL SECURITY;
ALTER TABLE user_role FORCE ROW LEVEL SECURITY;
CREATE POLICY user_role_tenant ON user_role
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
--rollback DROP TABLE user_role;
--rollback DROP TABLE custom_role;
