--liquibase formatted sql

--changeset platform:identity-20261122-0610-create-security-event
--comment: Refused credentials and denied access, for tenant admins to review; append-only for the runtime role.
CREATE TABLE security_event (
    id           uuid        PRIMARY KEY,
    tenant_id    uuid,
    occurred_at  timestamptz NOT NULL DEFAULT now(),
    event_type   text        NOT NULL CHECK (event_type IN ('authentication_failed', 'access_denied')),
    severity     text        NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
    actor_id     text,
    credential   text,
    description  text        NOT NULL,
    request_id   text,
    request_method text      NOT NULL,
    request_path text        NOT NULL,
    ip_address   text,
    user_agent   text
);
CREATE INDEX security_event_tenant_time ON security_event (tenant_id, occurred_at DESC, id DESC);
ALTER TABLE security_event ENABLE ROW LEVEL SECURITY;
ALTER TABLE security_event FORCE ROW LEVEL SECURITY;
CREATE POLICY security_event_tenant ON security_event
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
CREATE POLICY security_event_platform_scope ON security_event
    USING (current_setting('app.platform_scope', true) = 'on')
    WITH CHECK (current_setting('app.platform_scope', true) = 'on');
REVOKE UPDATE, DELETE ON security_event FROM ${appRole};
--rollback DROP TABLE security_event;
