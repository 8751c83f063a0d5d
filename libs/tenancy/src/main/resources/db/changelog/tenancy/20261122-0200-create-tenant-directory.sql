--liquibase formatted sql

--changeset platform:tenancy-20261122-0200-create-tenant-directory
--comment: This service's copy of identity.tenant.v1; the highest version per tenant wins.
CREATE TABLE tenant_directory (
    tenant_id    uuid        PRIMARY KEY,
    slug         text        NOT NULL UNIQUE,
    name         text        NOT NULL,
    status       text        NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED', 'CANCELLED')),
    tier         text        NOT NULL,
    version      bigint      NOT NULL,
    updated_at   timestamptz NOT NULL,
    received_at  timestamptz NOT NULL DEFAULT now()
);
--rollback DROP TABLE tenant_directory;
