-- Marketplace items that could not be read (e.g. a timestamp out of range): kept for operators instead of stopping
-- polling. One row per item; seeing it again in a later poll only bumps last_seen_at and times_seen.
CREATE TABLE marketplace_set_aside (
    id              INTEGER PRIMARY KEY,
    marketplace     TEXT    NOT NULL,
    account         TEXT    NOT NULL,
    conversation_id TEXT    NOT NULL,
    item_id         TEXT    NOT NULL,
    reason          TEXT    NOT NULL,
    raw             TEXT    NOT NULL,
    first_seen_at   TEXT    NOT NULL,
    last_seen_at    TEXT    NOT NULL,
    times_seen      INTEGER NOT NULL DEFAULT 1,
    UNIQUE (marketplace, account, conversation_id, item_id)
);
