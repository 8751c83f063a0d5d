--liquibase formatted sql

--changeset platform:identity-20261122-1110-create-white-label-settings
--comment: A tenant's own branding of the dashboards and emails (seed 000 white_label_settings).
CREATE TABLE white_label_settings (
    tenant_id           uuid        PRIMARY KEY,
    brand_name          text,
    logo_url            text,
    primary_color       text        CHECK (primary_color ~ '^#[0-9a-fA-F]{6}$'),
    secondary_color     text        CHECK (secondary_color ~ '^#[0-9a-fA-F]{6}$'),
    custom_domain       text        UNIQUE,
    custom_css          text,
    email_from_name     text,
    email_from_address  text,
    updated_at          timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE white_label_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE white_label_settings FORCE ROW LEVEL SECURITY;
CREATE POLICY white_label_settings_tenant ON white_label_settings
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
--rollback DROP TABLE white_label_settings;
