--liquibase formatted sql

--changeset platform:ingest-20261122-1100-create-webhook-delivery
--comment: Partner webhook deliveries already processed (the partner's delivery id), so a replayed delivery does nothing again.
CREATE TABLE webhook_delivery (
    tenant_id       uuid        NOT NULL,
    integration_id  uuid        NOT NULL REFERENCES integration (id) ON DELETE CASCADE,
    delivery_id     text        NOT NULL,
    received_at     timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, integration_id, delivery_id)
);
CREATE INDEX webhook_delivery_integration ON webhook_delivery (integration_id);
ALTER TABLE webhook_delivery ENABLE ROW LEVEL SECURITY;
ALTER TABLE webhook_delivery FORCE ROW LEVEL SECURITY;
CREATE POLICY webhook_delivery_tenant_isolation ON webhook_delivery
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
--rollback DROP TABLE webhook_delivery;
