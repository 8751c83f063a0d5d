--liquibase formatted sql

--changeset platform:identity-20261122-0500-create-api-key
--comment: API keys of a tenant; only the SHA-256 of a key is kept, the key itself is shown once at creation.
CREATE TABLE api_key (
    id                   uuid        PRIMARY KEY,
    tenant_id            uuid        NOT NULL REFERENCES tenant (id),
    name                 text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    type                 text        NOT NULL CHECK (type IN ('WRITE', 'SECRET')),
    prefix               text        NOT NULL,
    key_hash             text        NOT NULL UNIQUE CHECK (key_hash ~ '^[0-9a-f]{64}$'),
    scopes               text[]      NOT NULL DEFAULT '{}',
    status               text        NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'REVOKED')),
    expires_at           timestamptz,
    rate_limit_per_hour  integer     CHECK (rate_limit_per_hour > 0),
    last_used_at         timestamptz,
    created_by           text        NOT NULL,
    created_at           timestamptz NOT NULL DEFAULT now(),
    revoked_at           timestamptz,
    version              bigint      NOT NULL DEFAULT 1
);
CREATE INDEX api_key_tenant ON api_key (tenant_id, created_at DESC);
ALTER TABLE api_key ENABLE ROW LEVEL SECURITY;
ALTER TABLE api_key FORCE ROW LEVEL SECURITY;
CREATE POLICY api_key_tenant_isolation ON api_key
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
--rollback DROP TABLE api_key;
