--liquibase formatted sql

--changeset platform:messaging-20261122-0110-create-processed-event
--comment: Event ids a consumer has applied, so a redelivered event changes nothing.
CREATE TABLE processed_event (
    consumer      text        NOT NULL,
    event_id      uuid        NOT NULL,
    processed_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
CREATE INDEX processed_event_age ON processed_event (processed_at);
--rollback DROP TABLE processed_event;
