-- The order's facts as the card last showed them (JSON), so a drafted reply can use them without asking the
-- marketplace again. NULL: never read, or the adapter tells nothing.
ALTER TABLE order_cards ADD COLUMN facts_json TEXT;

-- Drafted replies posted in staff topics, found by their Telegram message when staff press Send. Sending stores a
-- staff message keyed by the same chat and message, so a draft is sent at most once.
CREATE TABLE drafts (
    chat_id         INTEGER NOT NULL,
    message_id      INTEGER NOT NULL,
    conversation_id INTEGER NOT NULL REFERENCES conversations (id),
    text            TEXT    NOT NULL,
    requested_by    TEXT    NOT NULL,
    created_at      TEXT    NOT NULL,
    PRIMARY KEY (chat_id, message_id)
);
CREATE INDEX ix_drafts_created ON drafts (created_at);
