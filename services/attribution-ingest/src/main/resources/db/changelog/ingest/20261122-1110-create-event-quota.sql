--liquibase formatted sql

--changeset platform:ingest-20261122-1110-create-event-quota
--comment: Tenants over an event quota until a time (billing's entitlements will fill it); while blocked_until lies ahead the Tracking API and offline uploads answer 429 naming the quota.
CREATE TABLE event_quota (
    tenant_id     uuid        PRIMARY KEY,
    quota         text        NOT NULL CHECK (length(quota) BETWEEN 1 AND 100),
    blocked_until timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE event_quota ENABLE ROW LEVEL SECURITY;
ALTER TABLE event_quota FORCE ROW LEVEL SECURITY;
CREATE POLICY event_quota_tenant_isolation ON event_quota
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
--rollback DROP TABLE event_quota;
