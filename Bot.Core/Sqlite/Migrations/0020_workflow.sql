-- Staff workflow: a buyer's waits for an answer, reminders, claims and the daily digest.
-- A wait starts at a buyer message with no buyer message before it since the last staff or seller message, and ends
-- at the next staff or seller message. No foreign keys: retention may prune the messages a wait started from.
CREATE TABLE workflow_waits (
    conversation_id  INTEGER NOT NULL,
    first_message_id INTEGER NOT NULL,
    waiting_since    TEXT    NOT NULL,
    reminded_at      TEXT,
    answered_at      TEXT,
    answered_by      TEXT,
    PRIMARY KEY (conversation_id, first_message_id)
);
CREATE INDEX ix_workflow_waits_open ON workflow_waits (answered_at, waiting_since);

-- How far messages were read for waits; starts at the newest message, so an upgrade reminds of nothing older.
CREATE TABLE workflow_cursor (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    last_message_id INTEGER NOT NULL
);
INSERT INTO workflow_cursor (id, last_message_id) SELECT 1, COALESCE(MAX(id), 0) FROM messages;

CREATE TABLE workflow_claims (
    conversation_id INTEGER PRIMARY KEY,
    user_id         INTEGER NOT NULL,
    user_name       TEXT    NOT NULL,
    claimed_at      TEXT    NOT NULL
);

CREATE TABLE workflow_digests (
    day     TEXT PRIMARY KEY,
    sent_at TEXT NOT NULL
);

CREATE INDEX ix_messages_conversation_role ON messages (conversation_id, author_role, id);

-- The automatic acknowledgments sent outside working hours: one per conversation and off-hours period (keyed by the
-- moment the store opens again). Their messages are not answers: a wait goes on until a person answers.
CREATE TABLE workflow_acks (
    conversation_id INTEGER NOT NULL,
    period_end      TEXT    NOT NULL,
    message_id      INTEGER NOT NULL,
    sent_at         TEXT    NOT NULL,
    PRIMARY KEY (conversation_id, period_end)
);
CREATE INDEX ix_workflow_acks_message ON workflow_acks (message_id);

-- Topics closed because their conversation was quiet (and finished, where the marketplace says so).
CREATE TABLE workflow_closed (
    conversation_id INTEGER PRIMARY KEY,
    chat_id         INTEGER NOT NULL,
    topic_id        INTEGER NOT NULL,
    last_message_id INTEGER NOT NULL,
    closed_at       TEXT    NOT NULL
);
