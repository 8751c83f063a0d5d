--liquibase formatted sql

--changeset platform:security-20261122-0410-create-grant-directory
--comment: This service's copy of identity.grant.v1: members' grants beyond their token's system roles.
CREATE TABLE grant_directory (
    user_id      uuid        PRIMARY KEY,
    tenant_id    uuid        NOT NULL,
    grants       jsonb       NOT NULL,
    version      bigint      NOT NULL,
    received_at  timestamptz NOT NULL DEFAULT now()
);
--rollback DROP TABLE grant_directory;
