--liquibase formatted sql

--changeset platform:security-20261122-0400-create-api-key-directory
--comment: This service's copy of identity.api-key.v1, looked up by key hash on every keyed request.
CREATE TABLE api_key_directory (
    key_id               uuid        PRIMARY KEY,
    tenant_id            uuid        NOT NULL,
    key_hash             text        NOT NULL UNIQUE,
    prefix               text        NOT NULL,
    type                 text        NOT NULL CHECK (type IN ('WRITE', 'SECRET')),
    scopes               text[]      NOT NULL,
    status               text        NOT NULL CHECK (status IN ('ACTIVE', 'REVOKED')),
    expires_at           timestamptz,
    rate_limit_per_hour  integer,
    version              bigint      NOT NULL,
    received_at          timestamptz NOT NULL DEFAULT now()
);
--rollback DROP TABLE api_key_directory;
