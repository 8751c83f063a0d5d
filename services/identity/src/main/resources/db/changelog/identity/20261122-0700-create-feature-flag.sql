--liquibase formatted sql

--changeset platform:identity-20261122-0700-create-feature-flag
--comment: Platform-wide feature flags with their default state; not tenant data, so readable by every tenant.
CREATE TABLE feature_flag (
    key          text        PRIMARY KEY CHECK (key ~ '^[a-z][a-z0-9.-]{1,63}$'),
    description  text        NOT NULL DEFAULT '',
    enabled      boolean     NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);
--rollback DROP TABLE feature_flag;
