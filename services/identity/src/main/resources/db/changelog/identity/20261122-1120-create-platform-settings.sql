--liquibase formatted sql

--changeset platform:identity-20261122-1120-create-platform-settings
--comment: The one row of platform-wide branding and contact settings (seed 002 platform_settings); billing keeps Stripe's ids.
CREATE TABLE platform_settings (
    id                    boolean     PRIMARY KEY DEFAULT true CHECK (id),
    platform_name         text        NOT NULL DEFAULT 'Podcast Platform',
    logo_url              text,
    primary_color         text        NOT NULL DEFAULT '#3b82f6' CHECK (primary_color ~ '^#[0-9a-fA-F]{6}$'),
    hero_title            text,
    hero_subtitle         text,
    hero_background_url   text,
    hero_cta_text         text,
    hero_cta_link         text,
    featured_content_ids  jsonb       NOT NULL DEFAULT '[]',
    contact_email         text,
    social_links          jsonb       NOT NULL DEFAULT '{}',
    about_content         text,
    email_from_name       text,
    timezone              text        NOT NULL DEFAULT 'UTC',
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now()
);
INSERT INTO platform_settings (id) VALUES (true);
--rollback DROP TABLE platform_settings;
