--liquibase formatted sql

--changeset platform:identity-20261122-1010-create-access-policy
--comment: Attribute-based access policies of a tenant, evaluated with the roles (deny wins), and the decisions logged when asked.
CREATE TABLE access_policy (
    id             uuid        PRIMARY KEY,
    tenant_id      uuid        NOT NULL,
    name           text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    effect         text        NOT NULL CHECK (effect IN ('ALLOW', 'DENY')),
    resource       text        NOT NULL,
    action         text        NOT NULL,
    conditions     jsonb       NOT NULL DEFAULT '{}',
    priority       integer     NOT NULL DEFAULT 0,
    enabled        boolean     NOT NULL DEFAULT true,
    log_decisions  boolean     NOT NULL DEFAULT false,
    created_at     timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, name)
);
CREATE TABLE access_log (
    id           uuid        PRIMARY KEY,
    tenant_id    uuid        NOT NULL,
    occurred_at  timestamptz NOT NULL DEFAULT now(),
    subject_id   text        NOT NULL,
    resource     text        NOT NULL,
    action       text        NOT NULL,
    allowed      boolean     NOT NULL,
    decided_by   text        NOT NULL,
    policy       text,
    attributes   jsonb       NOT NULL DEFAULT '{}'
);
CREATE INDEX access_log_tenant_time ON access_log (tenant_id, occurred_at DESC, id DESC);
ALTER TABLE access_policy ENABLE ROW LEVEL SECURITY;
ALTER TABLE access_policy FORCE ROW LEVEL SECURITY;
CREATE POLICY access_policy_tenant ON access_policy
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
ALTER TABLE access_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE access_log FORCE ROW LEVEL SECURITY;
CREATE POLICY access_log_tenant ON access_log
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
REVOKE UPDATE, DELETE ON access_log FROM ${appRole};
--rollback DROP TABLE access_log;
--rollback DROP TABLE access_policy;
