-- Telegram updates whose handling failed. The receiver parks the raw update here and moves on, so one bad update
-- never holds up the others and none is lost silently; parked updates are tried again with growing delays, and
-- the ones given up on ('dead') stay for operators to read and retry (/updates).
CREATE TABLE parked_updates (
    id              INTEGER PRIMARY KEY,
    update_id       INTEGER NOT NULL,
    payload         TEXT    NOT NULL,
    status          TEXT    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'dead')),
    attempts        INTEGER NOT NULL,
    next_attempt_at TEXT    NOT NULL,
    last_error      TEXT,
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL
);
CREATE INDEX ix_parked_updates_due ON parked_updates (status, next_attempt_at);
