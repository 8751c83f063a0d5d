--liquibase formatted sql

--changeset platform:catalog-20261122-1100-create-product
--comment: Affiliate products of a tenant (seed 004, ClickBank-style); clickbank_id is unique per tenant so CSV imports upsert.
CREATE TABLE product (
    id                   uuid          PRIMARY KEY,
    tenant_id            uuid          NOT NULL,
    clickbank_id         text          NOT NULL CHECK (length(clickbank_id) BETWEEN 1 AND 100),
    title                text          NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
    vendor               text          NOT NULL CHECK (length(vendor) BETWEEN 1 AND 255),
    category             text,
    description          text,
    commission_rate      numeric(5,2)  CHECK (commission_rate BETWEEN 0 AND 100),
    commission_amount    numeric(10,2) CHECK (commission_amount >= 0),
    initial_sale_amount  numeric(10,2) CHECK (initial_sale_amount >= 0),
    gravity              numeric(10,2) CHECK (gravity >= 0),
    refund_rate          numeric(5,2)  CHECK (refund_rate BETWEEN 0 AND 100),
    rebill               boolean       NOT NULL DEFAULT false,
    popularity_rank      integer       CHECK (popularity_rank >= 1),
    data_snapshot        jsonb,
    last_updated         timestamptz   NOT NULL DEFAULT now(),
    version              bigint        NOT NULL DEFAULT 1,
    created_at           timestamptz   NOT NULL DEFAULT now(),
    updated_at           timestamptz   NOT NULL DEFAULT now(),
    deleted_at           timestamptz,
    CONSTRAINT product_clickbank_id_per_tenant UNIQUE (tenant_id, clickbank_id)
);
CREATE INDEX product_gravity ON product (tenant_id, gravity DESC NULLS LAST) WHERE deleted_at IS NULL;
ALTER TABLE product ENABLE ROW LEVEL SECURITY;
ALTER TABLE product FORCE ROW LEVEL SECURITY;
CREATE POLICY product_tenant_isolation ON product
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
--rollback DROP TABLE product;
