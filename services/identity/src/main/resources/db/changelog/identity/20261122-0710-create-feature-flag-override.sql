--liquibase formatted sql

--changeset platform:identity-20261122-0710-create-feature-flag-override
--comment: A tenant's own setting of a flag, which wins over the flag's default.
CREATE TABLE feature_flag_override (
    tenant_id    uuid        NOT NULL,
    flag_key     text        NOT NULL REFERENCES feature_flag (key) ON DELETE CASCADE,
    enabled      boolean     NOT NULL,
    updated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, flag_key)
);
ALTER TABLE feature_flag_override ENABLE ROW LEVEL SECURITY;
ALTER TABLE feature_flag_override FORCE ROW LEVEL SECURITY;
CREATE POLICY feature_flag_override_tenant ON feature_flag_override
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
--rollback DROP TABLE feature_flag_override;
