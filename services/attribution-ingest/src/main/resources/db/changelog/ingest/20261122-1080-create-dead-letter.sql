--liquibase formatted sql

--changeset platform:ingest-20261122-1080-create-dead-letter
--comment: Refused input of a tenant, from ingest.dead-letter.v1, listed with its reason and replayable once (replayed_at).
CREATE TABLE dead_letter (
    id           uuid        PRIMARY KEY,
    tenant_id    uuid        NOT NULL,
    source       text        NOT NULL,
    reason       text        NOT NULL,
    topic        text,
    message_id   text,
    payload      text        NOT NULL,
    received_at  timestamptz NOT NULL,
    replayed_at  timestamptz
);
CREATE INDEX dead_letter_tenant_received ON dead_letter (tenant_id, received_at DESC, id DESC);
ALTER TABLE dead_letter ENABLE ROW LEVEL SECURITY;
ALTER TABLE dead_letter FORCE ROW LEVEL SECURITY;
CREATE POLICY dead_letter_tenant_isolation ON dead_letter
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
--rollback DROP TABLE dead_letter;
