-- Draft requests accepted from staff ("✍️ Draft") and not written yet, so a restart or a crash does not lose them.
-- A row is deleted when its draft (or the line saying why there is none) is posted.
CREATE TABLE draft_requests (
    id                 INTEGER PRIMARY KEY,
    conversation_id    INTEGER NOT NULL REFERENCES conversations (id),
    chat_id            INTEGER NOT NULL,
    topic_id           INTEGER,
    pressed_message_id INTEGER NOT NULL,
    up_to              INTEGER,
    requested_by       TEXT    NOT NULL,
    created_at         TEXT    NOT NULL
);

-- The marketplace gateway calls counted on one UTC day (yyyy-MM-dd) by one adapter, saved every few minutes while
-- calls are made and at a graceful stop, so the daily budget's warning counts the calls made before a restart.
CREATE TABLE marketplace_call_counts (
    provider TEXT    NOT NULL,
    day      TEXT    NOT NULL,
    calls    INTEGER NOT NULL,
    saved_at TEXT    NOT NULL,
    PRIMARY KEY (provider, day)
);
