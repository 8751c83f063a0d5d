--liquibase formatted sql

--changeset platform:analytics-20261122-1300-create-iab-setting
--comment: Each tenant's choice among the IAB v2.3 de-duplication windows; absent means the default (rolling).
CREATE TABLE iab_setting (
    tenant_id    uuid        PRIMARY KEY,
    window_mode  text        NOT NULL CHECK (window_mode IN ('FIXED_UTC_DAY', 'ROLLING', 'EXTENDING')),
    updated_by   text        NOT NULL,
    updated_at   timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE iab_setting ENABLE ROW LEVEL SECURITY;
ALTER TABLE iab_setting FORCE ROW LEVEL SECURITY;
CREATE POLICY iab_setting_tenant ON iab_setting
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
--rollback DROP TABLE iab_setting;
