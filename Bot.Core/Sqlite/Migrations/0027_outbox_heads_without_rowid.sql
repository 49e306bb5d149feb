-- The lanes' heads keyed by their lane alone (WITHOUT ROWID): a head's row lives in its primary key's tree, so each
-- enqueue, completion and reschedule writes two trees (the heads and their due index) instead of three (the rows by
-- rowid, the lane's unique index, the due index).
CREATE TABLE outbox_heads_keyed (
    lane            TEXT    NOT NULL PRIMARY KEY,
    outbox_id       INTEGER NOT NULL,
    next_attempt_at TEXT    NOT NULL
) WITHOUT ROWID;
INSERT INTO outbox_heads_keyed (lane, outbox_id, next_attempt_at)
SELECT lane, outbox_id, next_attempt_at FROM outbox_heads;
DROP TABLE outbox_heads;
ALTER TABLE outbox_heads_keyed RENAME TO outbox_heads;
CREATE INDEX ix_outbox_heads_due ON outbox_heads (next_attempt_at);
