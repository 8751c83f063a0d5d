--liquibase formatted sql

--changeset platform:analytics-20261122-1410-create-dashboard-setting
--comment: Each tenant's dashboard time zone (IANA name); absent means UTC.
CREATE TABLE dashboard_setting (
    tenant_id   uuid        PRIMARY KEY,
    time_zone   text        NOT NULL,
    updated_by  text        NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE dashboard_setting ENABLE ROW LEVEL SECURITY;
ALTER TABLE dashboard_setting FORCE ROW LEVEL SECURITY;
CREATE POLICY dashboard_setting_tenant ON dashboard_setting
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
--rollback DROP TABLE dashboard_setting;
