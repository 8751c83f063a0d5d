--liquibase formatted sql

--changeset platform:catalog-20261122-1040-create-idempotency-key
--comment: Idempotency-Key of creates, per tenant: the request's fingerprint and the first answer, replayed on a retry.
CREATE TABLE idempotency_key (
    tenant_id       uuid        NOT NULL,
    idempotency_key text        NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 255),
    operation       text        NOT NULL,
    request_hash    text        NOT NULL,
    response_status integer,
    response_body   text,
    location        text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, idempotency_key)
);
ALTER TABLE idempotency_key ENABLE ROW LEVEL SECURITY;
ALTER TABLE idempotency_key FORCE ROW LEVEL SECURITY;
CREATE POLICY idempotency_key_tenant_isolation ON idempotency_key
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
--rollback DROP TABLE idempotency_key;
