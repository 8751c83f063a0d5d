--liquibase formatted sql

--changeset platform:messaging-20261122-0100-create-outbox-event
--comment: Events written in the same transaction as the change they describe; the relay publishes them.
CREATE TABLE outbox_event (
    id            uuid        PRIMARY KEY,
    topic         text        NOT NULL,
    message_key   text        NOT NULL,
    source        text        NOT NULL,
    type          text        NOT NULL,
    tenant_id     uuid,
    subject       text,
    occurred_at   timestamptz NOT NULL,
    payload       jsonb       NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
    published_at  timestamptz,
    attempts      integer     NOT NULL DEFAULT 0,
    last_error    text
);
CREATE INDEX outbox_event_unpublished ON outbox_event (created_at, id) WHERE published_at IS NULL;
CREATE INDEX outbox_event_published ON outbox_event (published_at) WHERE published_at IS NOT NULL;
--rollback DROP TABLE outbox_event;
