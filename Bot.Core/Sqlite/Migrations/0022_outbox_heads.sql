-- The first pending item of each lane and when it is due, kept by the outbox repository in the transaction that
-- enqueues, settles or reschedules an item: the dispatcher reads the heads that are due (an index range) instead of
-- grouping every pending row by lane.
CREATE TABLE outbox_heads (
    lane            TEXT    NOT NULL PRIMARY KEY,
    outbox_id       INTEGER NOT NULL,
    next_attempt_at TEXT    NOT NULL
);
CREATE INDEX ix_outbox_heads_due ON outbox_heads (next_attempt_at);
INSERT INTO outbox_heads (lane, outbox_id, next_attempt_at)
SELECT lane, id, next_attempt_at FROM outbox
WHERE id IN (SELECT MIN(id) FROM outbox WHERE status = 'pending' GROUP BY lane);
