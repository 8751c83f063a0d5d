--liquibase formatted sql

--changeset platform:identity-20261122-1020-create-grant-version-sequence
--comment: Versions of identity.grant.v1 events, increasing across instances so consumers keep the newest.
CREATE SEQUENCE grant_version;
--rollback DROP SEQUENCE grant_version;
