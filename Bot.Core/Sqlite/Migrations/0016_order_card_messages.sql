-- The Telegram message that shows a conversation's order card in its staff topic, so the card can be edited in place.
-- When the card travelled together with the conversation's first messages, tail_html holds that rest of the message
-- (escaped HTML), so an edit re-renders the card and keeps the messages under it. Conversations whose card was sent
-- before this table existed have no row.
CREATE TABLE order_card_messages (
    conversation_id INTEGER PRIMARY KEY,
    chat_id         INTEGER NOT NULL,
    message_id      INTEGER NOT NULL,
    tail_html       TEXT,
    created_at      TEXT NOT NULL
);
