--liquibase formatted sql

--changeset platform:ingest-20261122-1090-create-integration
--comment: Partner webhook integrations a tenant manages; the signing secret is kept AES-GCM encrypted (HMAC verification needs it back). The platform-scope read policy lets the public webhook endpoint find which tenant an integration id belongs to; everything else is per tenant.
CREATE TABLE integration (
    id                uuid        PRIMARY KEY,
    tenant_id         uuid        NOT NULL,
    partner           text        NOT NULL CHECK (partner IN ('shopify')),
    name              text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    secret_ciphertext bytea       NOT NULL,
    created_at        timestamptz NOT NULL
);
CREATE INDEX integration_tenant_created ON integration (tenant_id, created_at DESC, id DESC);
ALTER TABLE integration ENABLE ROW LEVEL SECURITY;
ALTER TABLE integration FORCE ROW LEVEL SECURITY;
CREATE POLICY integration_tenant_isolation ON integration
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
CREATE POLICY integration_platform_scope_read ON integration FOR SELECT
    USING (current_setting('app.platform_scope', true) = 'on');
--rollback DROP TABLE integration;
