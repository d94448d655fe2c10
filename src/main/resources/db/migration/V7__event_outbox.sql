-- The transactional outbox of change events: a change writes its event in its own transaction, so
-- an event exists exactly when its change committed; the relay (events.OutboxRelay) publishes the
-- pending ones to RabbitMQ and marks them sent. Sent rows are kept for a while (music.events.retain-sent)
-- to answer "was it sent?", then pruned.
--
-- list_key names the list an event belongs to ('collection:{organization}/{id}',
-- 'release:{tenant}/{id}'): the events of one list go out in seq order, one relay at a time.

CREATE TABLE event_outbox (
    id       uuid        PRIMARY KEY,      -- the CloudEvents id, stable across retries
    seq      bigint      GENERATED ALWAYS AS IDENTITY,
    list_key text        NOT NULL,
    revision bigint      NOT NULL,
    type     text        NOT NULL,
    source   text        NOT NULL,
    subject  text        NOT NULL,
    time     timestamptz NOT NULL,
    data     jsonb       NOT NULL,
    sent_at  timestamptz
);

-- What the relay reads every tick: each list's pending events, oldest first.
CREATE INDEX event_outbox_pending ON event_outbox (list_key, seq) WHERE sent_at IS NULL;
-- What pruning reads: the sent events, oldest first.
CREATE INDEX event_outbox_sent ON event_outbox (sent_at) WHERE sent_at IS NOT NULL;
