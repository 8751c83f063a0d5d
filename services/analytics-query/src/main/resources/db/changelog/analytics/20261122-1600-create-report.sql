--liquibase formatted sql

--changeset platform:analytics-20261122-1600-create-report
--comment: Seed 000 reports, split in two: a saved definition (report: which series, filters, period, format; rendered on demand) and one report_generation row per rendering (who, when, the period it resolved to, rows, bytes, duration, outcome). Seed columns left out: campaign_id, template_id and includes_roi/attribution/benchmarks (no such series in this service yet), file_url (rendered on demand, not stored).
CREATE TABLE report (
    id                 uuid        PRIMARY KEY,
    tenant_id          uuid        NOT NULL,
    name               text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    description        text,
    series             text        NOT NULL CHECK (series IN ('downloads', 'top_episodes')),
    granularity        text        CHECK (granularity IN ('hour', 'day', 'week', 'month')),
    filters            jsonb       NOT NULL DEFAULT '{}',
    period_relative    text        CHECK (period_relative IN ('last_7_days', 'last_30_days', 'last_90_days', 'month_to_date', 'previous_month')),
    period_from        date,
    period_to          date,
    format             text        NOT NULL CHECK (format IN ('csv')),
    created_by         text        NOT NULL,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    version            bigint      NOT NULL DEFAULT 1,
    deleted_at         timestamptz,
    CHECK ((period_relative IS NULL) = (period_from IS NOT NULL AND period_to IS NOT NULL)),
    CHECK (period_to >= period_from)
);
CREATE INDEX report_page ON report (tenant_id, created_at DESC, id DESC) WHERE deleted_at IS NULL;
ALTER TABLE report ENABLE ROW LEVEL SECURITY;
ALTER TABLE report FORCE ROW LEVEL SECURITY;
CREATE POLICY report_tenant ON report
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
CREATE TABLE report_generation (
    id            uuid        PRIMARY KEY,
    tenant_id     uuid        NOT NULL,
    report_id     uuid        NOT NULL REFERENCES report (id),
    requested_by  text        NOT NULL,
    requested_at  timestamptz NOT NULL,
    period_from   date        NOT NULL,
    period_to     date        NOT NULL,
    time_zone     text,
    format        text        NOT NULL,
    status        text        NOT NULL CHECK (status IN ('SUCCEEDED', 'FAILED')),
    row_count     integer,
    byte_size     bigint,
    duration_ms   bigint      NOT NULL,
    error         text,
    CHECK ((status = 'SUCCEEDED') = (row_count IS NOT NULL AND byte_size IS NOT NULL AND error IS NULL))
);
CREATE INDEX report_generation_page ON report_generation (tenant_id, report_id, requested_at DESC, id DESC);
ALTER TABLE report_generation ENABLE ROW LEVEL SECURITY;
ALTER TABLE report_generation FORCE ROW LEVEL SECURITY;
CREATE POLICY report_generation_tenant ON report_generation
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
--rollback DROP TABLE report_generation, report;
