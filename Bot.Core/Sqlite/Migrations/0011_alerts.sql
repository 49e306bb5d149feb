-- Alerts the bridge holds now, its own state: an alert is active from the check that found it, whether or not the
-- operator chat could be told (Telegram may be the very thing that is down), and keeps its start across restarts.
-- last_sent is when the operator chat was last told (NULL: not yet); resolved_at is set when the problem cleared,
-- and the row goes once the "resolved" message was delivered.
CREATE TABLE alerts (
    key         TEXT PRIMARY KEY,
    title       TEXT NOT NULL,
    text        TEXT NOT NULL,
    since       TEXT NOT NULL,
    last_sent   TEXT,
    resolved_at TEXT
);
