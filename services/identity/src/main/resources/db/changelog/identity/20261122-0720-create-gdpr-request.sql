--liquibase formatted sql

--changeset platform:identity-20261122-0720-create-gdpr-request
--comment: Export and erasure requests of data subjects, taken in here and published for every service to act on.
CREATE TABLE gdpr_request (
    id            uuid        PRIMARY KEY,
    tenant_id     uuid        NOT NULL,
    type          text        NOT NULL CHECK (type IN ('EXPORT', 'ERASURE')),
    subject_type  text        NOT NULL CHECK (subject_type IN ('USER', 'LISTENER')),
    subject_id    text        NOT NULL CHECK (length(subject_id) BETWEEN 1 AND 256),
    status        text        NOT NULL DEFAULT 'RECEIVED' CHECK (status IN ('RECEIVED', 'IN_PROGRESS', 'COMPLETED', 'REJECTED')),
    notes         text,
    requested_by  text        NOT NULL,
    requested_at  timestamptz NOT NULL DEFAULT now(),
    completed_at  timestamptz
);
CREATE INDEX gdpr_request_tenant_time ON gdpr_request (tenant_id, requested_at DESC, id DESC);
ALTER TABLE gdpr_request ENABLE ROW LEVEL SECURITY;
ALTER TABLE gdpr_request FORCE ROW LEVEL SECURITY;
CREATE POLICY gdpr_request_tenant ON gdpr_request
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
--rollback DROP TABLE gdpr_request;
