--liquibase formatted sql

--changeset platform:ingest-20261122-1050-create-ingested-message
--comment: Message ids already stored per tenant and stream, claimed in the transaction that stores the event, so a message sent or delivered again is stored once. Rows older than the dedup window (ingest.clock.dedup-window, 35 days; events older than 30 days are refused) may be deleted.
CREATE TABLE ingested_message (
    tenant_id      uuid        NOT NULL,
    stream         text        NOT NULL CHECK (stream IN ('listener', 'attribution', 'conversion', 'download')),
    message_id     text        NOT NULL,
    event_id       uuid        NOT NULL,
    first_seen_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, stream, message_id)
);
CREATE INDEX ingested_message_first_seen ON ingested_message (first_seen_at);
ALTER TABLE ingested_message ENABLE ROW LEVEL SECURITY;
ALTER TABLE ingested_message FORCE ROW LEVEL SECURITY;
CREATE POLICY ingested_message_tenant_isolation ON ingested_message
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
--rollback DROP TABLE ingested_message;
