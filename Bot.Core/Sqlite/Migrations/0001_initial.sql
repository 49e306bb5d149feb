-- Conversations: one per marketplace conversation (an order's comments or a message-center chat).
CREATE TABLE conversations (
    id               INTEGER PRIMARY KEY,
    marketplace      TEXT    NOT NULL,
    account          TEXT    NOT NULL,
    kind             TEXT    NOT NULL CHECK (kind IN ('order', 'chat')),
    external_id      TEXT    NOT NULL,
    buyer_id         TEXT    NOT NULL,
    buyer_name       TEXT,
    buyer_language   TEXT,
    reply_context    TEXT,
    card_json        TEXT,
    created_at       TEXT    NOT NULL,
    last_activity_at TEXT    NOT NULL,
    UNIQUE (marketplace, account, external_id)
);

-- Where a conversation lives in Telegram, per audience (the staff topic; later the buyer's chat).
CREATE TABLE thread_bindings (
    conversation_id INTEGER NOT NULL REFERENCES conversations (id),
    audience        TEXT    NOT NULL CHECK (audience IN ('staff', 'buyer')),
    chat_id         INTEGER NOT NULL,
    topic_id        INTEGER,
    created_at      TEXT    NOT NULL,
    PRIMARY KEY (conversation_id, audience)
);
CREATE INDEX ix_thread_bindings_topic ON thread_bindings (chat_id, topic_id);

-- Every message that passed through: the dispute record, the reply map and the de-duplication key.
CREATE TABLE messages (
    id                     INTEGER PRIMARY KEY,
    conversation_id        INTEGER NOT NULL REFERENCES conversations (id),
    origin                 TEXT    NOT NULL CHECK (origin IN ('marketplace', 'telegram')),
    author_role            TEXT    NOT NULL CHECK (author_role IN ('buyer', 'seller', 'staff')),
    author_name            TEXT,
    text                   TEXT    NOT NULL,
    language               TEXT,
    images_json            TEXT,
    marketplace_message_id TEXT,
    source_chat_id         INTEGER,
    source_message_id      INTEGER,
    source_file_id         TEXT,
    created_at             TEXT    NOT NULL
);
CREATE UNIQUE INDEX ux_messages_marketplace ON messages (conversation_id, marketplace_message_id)
    WHERE marketplace_message_id IS NOT NULL;
CREATE UNIQUE INDEX ux_messages_telegram ON messages (source_chat_id, source_message_id)
    WHERE source_chat_id IS NOT NULL;

-- Every copy made of a message: a Telegram message (chat + message id) or a marketplace post.
-- A marketplace post has no id until its echo comes back through the poller (remote_message_id NULL).
CREATE TABLE message_copies (
    id                INTEGER PRIMARY KEY,
    message_id        INTEGER NOT NULL REFERENCES messages (id),
    target            TEXT    NOT NULL CHECK (target IN ('telegram', 'marketplace')),
    part              INTEGER NOT NULL DEFAULT 0,
    chat_id           INTEGER,
    topic_id          INTEGER,
    remote_message_id TEXT,
    text              TEXT,
    language          TEXT,
    provider          TEXT,
    created_at        TEXT    NOT NULL
);
CREATE INDEX ix_message_copies_message ON message_copies (message_id, target, part);
CREATE INDEX ix_message_copies_remote ON message_copies (chat_id, remote_message_id);

-- Every marketplace message id already taken in (relayed, skipped, or matched as an echo).
CREATE TABLE marketplace_seen (
    conversation_id        INTEGER NOT NULL REFERENCES conversations (id),
    marketplace_message_id TEXT    NOT NULL,
    PRIMARY KEY (conversation_id, marketplace_message_id)
) WITHOUT ROWID;

-- Pending deliveries. Items of one lane are delivered strictly in id order.
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    kind            TEXT    NOT NULL,
    lane            TEXT    NOT NULL,
    conversation_id INTEGER REFERENCES conversations (id),
    message_id      INTEGER REFERENCES messages (id),
    chat_id         INTEGER,
    payload         TEXT,
    status          TEXT    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'dead')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT    NOT NULL,
    last_error      TEXT,
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL
);
CREATE INDEX ix_outbox_pending ON outbox (status, lane, id);

-- Poll positions: marketplace cursor per account, Telegram update offset.
CREATE TABLE cursors (
    name       TEXT PRIMARY KEY,
    value      TEXT,
    updated_at TEXT NOT NULL
) WITHOUT ROWID;
