-- The order card at the top of a conversation's staff topic: where it is, what it last showed, and the order's
-- dispute as last seen (so a dispute that opens is announced once, across restarts). refreshed_at is the last time
-- the marketplace was asked (NULL: never); seen_message_id is the newest message of the conversation at that time,
-- so only a conversation with newer messages (activity) is asked again.
CREATE TABLE order_cards (
    conversation_id INTEGER PRIMARY KEY REFERENCES conversations (id),
    chat_id         INTEGER NOT NULL,
    message_id      INTEGER NOT NULL,
    card_hash       TEXT,
    dispute_key     TEXT,
    refreshed_at    TEXT,
    seen_message_id INTEGER NOT NULL DEFAULT 0,
    refusal_noted   INTEGER NOT NULL DEFAULT 0
);

-- The newest message of a conversation, found without reading its others.
CREATE INDEX ix_messages_conversation_id ON messages (conversation_id, id);
