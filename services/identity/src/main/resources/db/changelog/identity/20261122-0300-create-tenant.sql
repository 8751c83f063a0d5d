--liquibase formatted sql

--changeset platform:identity-20261122-0300-create-tenant
--comment: The tenants of the platform; version grows with every change published on identity.tenant.v1.
CREATE TABLE tenant (
    id          uuid        PRIMARY KEY,
    slug        text        NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$'),
    name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    status      text        NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'SUSPENDED', 'CANCELLED')),
    tier        text        NOT NULL DEFAULT 'starter',
    version     bigint      NOT NULL DEFAULT 1,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
--rollback DROP TABLE tenant;
