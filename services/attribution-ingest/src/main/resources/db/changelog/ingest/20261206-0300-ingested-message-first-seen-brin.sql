--liquibase formatted sql

--changeset platform:ingest-20261206-0300-ingested-message-first-seen-brin
--comment: Only the hourly dedup clean-up reads first_seen_at (rows first seen before the window); rows arrive in first_seen_at order, so a BRIN index finds them in a few block ranges, where the B-tree cost every claimed message id an index insertion on the hot path.
DROP INDEX ingested_message_first_seen;
CREATE INDEX ingested_message_first_seen ON ingested_message USING brin (first_seen_at);
--rollback DROP INDEX ingested_message_first_seen;
--rollback CREATE INDEX ingested_message_first_seen ON ingested_message (first_seen_at);
