--liquibase formatted sql

--changeset platform:catalog-20261122-1110-create-brand-voice
--comment: Brand voice (seed 003): profiles, writing samples, the fingerprint computed from the samples, scores of new texts.
CREATE TABLE brand_profile (
    id                uuid        PRIMARY KEY,
    tenant_id         uuid        NOT NULL,
    created_by        text        NOT NULL,
    name              text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    slug              text        NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    tone_keywords     text[]      NOT NULL DEFAULT '{}',
    writing_style     text,
    industry          text,
    target_audience   text,
    preferred_words   text[]      NOT NULL DEFAULT '{}',
    avoid_words       text[]      NOT NULL DEFAULT '{}',
    brand_values      text[]      NOT NULL DEFAULT '{}',
    content_themes    text[]      NOT NULL DEFAULT '{}',
    is_active         boolean     NOT NULL DEFAULT true,
    training_status   text        NOT NULL DEFAULT 'UNTRAINED' CHECK (training_status IN ('UNTRAINED', 'TRAINED')),
    training_quality  double precision NOT NULL DEFAULT 0,
    sample_count      integer     NOT NULL DEFAULT 0,
    version           bigint      NOT NULL DEFAULT 1,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    deleted_at        timestamptz
);
CREATE UNIQUE INDEX brand_profile_slug ON brand_profile (tenant_id, slug) WHERE deleted_at IS NULL;

CREATE TABLE voice_sample (
    id                  uuid        PRIMARY KEY,
    tenant_id           uuid        NOT NULL,
    profile_id          uuid        NOT NULL REFERENCES brand_profile (id),
    title               text,
    content             text        NOT NULL,
    content_type        text,
    word_count          integer     NOT NULL,
    source_url          text,
    source_platform     text,
    analysis_result     jsonb       NOT NULL,
    is_primary_example  boolean     NOT NULL DEFAULT false,
    created_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX voice_sample_profile ON voice_sample (profile_id, created_at);

CREATE TABLE voice_fingerprint (
    id                  uuid        PRIMARY KEY,
    tenant_id           uuid        NOT NULL,
    profile_id          uuid        NOT NULL UNIQUE REFERENCES brand_profile (id),
    vocabulary_profile  jsonb       NOT NULL,
    sentence_patterns   jsonb       NOT NULL,
    tone_distribution   jsonb       NOT NULL,
    style_metrics       jsonb       NOT NULL,
    profile             jsonb       NOT NULL,
    voice_summary       text        NOT NULL,
    sample_count        integer     NOT NULL,
    training_quality    double precision NOT NULL,
    last_trained_at     timestamptz NOT NULL DEFAULT now(),
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE voice_score (
    id                uuid        PRIMARY KEY,
    tenant_id         uuid        NOT NULL,
    profile_id        uuid        NOT NULL REFERENCES brand_profile (id),
    content_id        text,
    overall_score     double precision NOT NULL,
    tone_match        double precision NOT NULL,
    vocabulary_match  double precision NOT NULL,
    style_match       double precision NOT NULL,
    feedback          jsonb       NOT NULL,
    deviations        jsonb       NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX voice_score_profile ON voice_score (profile_id, created_at DESC);

ALTER TABLE brand_profile ENABLE ROW LEVEL SECURITY;
ALTER TABLE brand_profile FORCE ROW LEVEL SECURITY;
CREATE POLICY brand_profile_tenant_isolation ON brand_profile
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
ALTER TABLE voice_sample ENABLE ROW LEVEL SECURITY;
ALTER TABLE voice_sample FORCE ROW LEVEL SECURITY;
CREATE POLICY voice_sample_tenant_isolation ON voice_sample
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
ALTER TABLE voice_fingerprint ENABLE ROW LEVEL SECURITY;
ALTER TABLE voice_fingerprint FORCE ROW LEVEL SECURITY;
CREATE POLICY voice_fingerprint_tenant_isolation ON voice_fingerprint
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
ALTER TABLE voice_score ENABLE ROW LEVEL SECURITY;
ALTER TABLE voice_score FORCE ROW LEVEL SECURITY;
CREATE POLICY voice_score_tenant_isolation ON voice_score
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
--rollback DROP TABLE voice_score; DROP TABLE voice_fingerprint; DROP TABLE voice_sample; DROP TABLE brand_profile;
