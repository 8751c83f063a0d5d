--liquibase formatted sql

--changeset platform:catalog-20261122-1120-create-offering
--comment: Offerings (seed 002: events, programs, recurring sessions, cohorts, retreats) and the resources attached to them.
CREATE TABLE offering (
    id                         uuid          PRIMARY KEY,
    tenant_id                  uuid          NOT NULL,
    creator_id                 text          NOT NULL,
    title                      text          NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
    slug                       text          NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    description                text,
    offering_type              text          NOT NULL CHECK (offering_type IN ('one_time_event', 'multi_day_program',
                                             'recurring_fixed', 'recurring_bookable', 'cohort_course', 'retreat')),
    capacity_type              text          NOT NULL CHECK (capacity_type IN ('one_on_one', 'small_group', 'large_group', 'unlimited')),
    max_participants           integer       CHECK (max_participants >= 1),
    delivery_method            text          NOT NULL CHECK (delivery_method IN ('online', 'in_person', 'hybrid', 'self_guided')),
    location_details           text,
    video_conference_provider  text,
    schedule                   jsonb         NOT NULL,
    price                      numeric(10,2) CHECK (price >= 0),
    credit_cost                integer       CHECK (credit_cost >= 0),
    payment_options            jsonb         NOT NULL DEFAULT '{}',
    status                     text          NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'archived')),
    published_at               timestamptz,
    registration_deadline      timestamptz,
    portal_config              jsonb         NOT NULL DEFAULT '{}',
    booking_count              integer       NOT NULL DEFAULT 0,
    version                    bigint        NOT NULL DEFAULT 1,
    created_at                 timestamptz   NOT NULL DEFAULT now(),
    updated_at                 timestamptz   NOT NULL DEFAULT now(),
    deleted_at                 timestamptz
);
CREATE UNIQUE INDEX offering_slug ON offering (tenant_id, slug) WHERE deleted_at IS NULL;
CREATE INDEX offering_listing ON offering (tenant_id, created_at DESC, id DESC) WHERE deleted_at IS NULL;

CREATE TABLE offering_resource (
    id               uuid        PRIMARY KEY,
    tenant_id        uuid        NOT NULL,
    offering_id      uuid        NOT NULL REFERENCES offering (id),
    resource_type    text        NOT NULL CHECK (resource_type IN ('content', 'file', 'link', 'text')),
    content_id       uuid        REFERENCES content (id),
    file_url         text,
    link_url         text,
    text_content     text,
    title            text        NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
    description      text,
    available_when   text        NOT NULL DEFAULT 'during' CHECK (available_when IN ('before', 'during', 'after', 'always')),
    unlock_at        timestamptz,
    display_order    integer     NOT NULL DEFAULT 0,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CHECK ((resource_type = 'content') = (content_id IS NOT NULL)),
    CHECK ((resource_type = 'file') = (file_url IS NOT NULL)),
    CHECK ((resource_type = 'link') = (link_url IS NOT NULL)),
    CHECK ((resource_type = 'text') = (text_content IS NOT NULL))
);
CREATE INDEX offering_resource_order ON offering_resource (offering_id, display_order, created_at);

ALTER TABLE offering ENABLE ROW LEVEL SECURITY;
ALTER TABLE offering FORCE ROW LEVEL SECURITY;
CREATE POLICY offering_tenant_isolation ON offering
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
ALTER TABLE offering_resource ENABLE ROW LEVEL SECURITY;
ALTER TABLE offering_resource FORCE ROW LEVEL SECURITY;
CREATE POLICY offering_resource_tenant_isolation ON offering_resource
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
--rollback DROP TABLE offering_resource; DROP TABLE offering;
