--liquibase formatted sql

--changeset platform:ingest-20261122-0990-create-secure-partitions splitStatements:false
--comment: Partitions do not inherit row-level security: this forces it, with the tenant policy, on every partition of a parent that lacks it. Run after each partition maintenance (as the owner).
CREATE FUNCTION ingest.secure_partitions(parent regclass) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    part    regclass;
    secured integer := 0;
BEGIN
    FOR part IN
        SELECT i.inhrelid::regclass FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
         WHERE i.inhparent = parent AND NOT (c.relrowsecurity AND c.relforcerowsecurity)
    LOOP
        EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', part);
        EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', part);
        IF NOT EXISTS (SELECT 1 FROM pg_policy WHERE polrelid = part AND polname = 'tenant_isolation') THEN
            EXECUTE format($p$CREATE POLICY tenant_isolation ON %s
                USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
                WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)$p$, part);
        END IF;
        secured := secured + 1;
    END LOOP;
    RETURN secured;
END
$$;
--rollback DROP FUNCTION ingest.secure_partitions(regclass);
