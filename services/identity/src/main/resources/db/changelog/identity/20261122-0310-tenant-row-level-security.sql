--liquibase formatted sql

--changeset platform:identity-20261122-0310-tenant-row-level-security
--comment: A tenant sees only its own row; platform administration is an explicit per-transaction scope.
ALTER TABLE tenant ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenant FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_own_row ON tenant
    USING (id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
CREATE POLICY tenant_platform_scope ON tenant
    USING (current_setting('app.platform_scope', true) = 'on')
    WITH CHECK (current_setting('app.platform_scope', true) = 'on');
--rollback DROP POLICY tenant_platform_scope ON tenant;
--rollback DROP POLICY tenant_own_row ON tenant;
--rollback ALTER TABLE tenant NO FORCE ROW LEVEL SECURITY;
--rollback ALTER TABLE tenant DISABLE ROW LEVEL SECURITY;
