--liquibase formatted sql

--changeset platform:analytics-20261122-1920-report-listener-series
--comment: Saved reports may also render the unique-listener series, a breakdown (its dimension in filters.by) and listen-through, as the dashboards do.
ALTER TABLE report DROP CONSTRAINT report_series_check;
ALTER TABLE report ADD CONSTRAINT report_series_check
    CHECK (series IN ('downloads', 'top_episodes', 'listeners', 'breakdown', 'listen_through'));
--rollback ALTER TABLE report DROP CONSTRAINT report_series_check;
--rollback ALTER TABLE report ADD CONSTRAINT report_series_check CHECK (series IN ('downloads', 'top_episodes'));
