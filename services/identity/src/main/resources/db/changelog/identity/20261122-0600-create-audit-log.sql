--liquibase formatted sql

--changeset platform:identity-20261122-0600-create-audit-log
--comment: Who did what to which resource, with which outcome; append-only for the runtime role.
CREATE TABLE audit_log (
    id             uuid        PRIMARY KEY,
    tenant_id      uuid,
    occurred_at    timestamptz NOT NULL DEFAULT now(),
    actor_id       text,
    actor_kind     text,
    action         text        NOT NULL,
    resource_type  text        NOT NULL,
    resource_id    text,
    request_id     text,
    request_method text        NOT NULL,
    request_path   text        NOT NULL,
    response_status integer    NOT NULL,
    success        boolean     NOT NULL,
    ip_address     text,
    user_agent     text
);
CREATE INDEX audit_log_tenant_time ON audit_log (tenant_id, occurred_at DESC, id DESC);
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_log FORCE ROW LEVEL SECURITY;
CREATE POLICY audit_log_tenant ON audit_log
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
CREATE POLICY audit_log_platform_scope ON audit_log
    USING (current_setting('app.platform_scope', true) = 'on')
    WITH CHECK (current_setting('app.platform_scope', true) = 'on');
REVOKE UPDATE, DELETE ON audit_log FROM ${appRole};
--rollback DROP TABLE audit_log;
