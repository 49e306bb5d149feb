-- Invitations for buyers to continue in Telegram. The code itself is never stored: only its SHA-256, and the
-- random nonce it is derived from with a key that lives outside the database (see InviteCodes).
CREATE TABLE buyer_invites (
    id              INTEGER PRIMARY KEY,
    conversation_id INTEGER NOT NULL REFERENCES conversations (id),
    nonce           TEXT    NOT NULL,
    code_hash       TEXT    NOT NULL UNIQUE,
    created_by      TEXT,
    created_at      TEXT    NOT NULL,
    expires_at      TEXT    NOT NULL,
    used_at         TEXT,
    used_by_user_id INTEGER
);

-- A Telegram user linked to a buyer's identity at this store. One active link per Telegram user.
CREATE TABLE buyer_links (
    telegram_user_id        INTEGER PRIMARY KEY,
    chat_id                 INTEGER NOT NULL,
    display_name            TEXT,
    marketplace             TEXT    NOT NULL,
    account                 TEXT    NOT NULL,
    buyer_id                TEXT    NOT NULL,
    language                TEXT,
    current_conversation_id INTEGER REFERENCES conversations (id),
    linked_at               TEXT    NOT NULL,
    unlinked_at             TEXT
);
CREATE INDEX ix_buyer_links_buyer ON buyer_links (marketplace, account, buyer_id);

-- A buyer's Telegram message waiting for the buyer to say which order it is about.
CREATE TABLE buyer_pending (
    telegram_user_id INTEGER NOT NULL,
    chat_id          INTEGER NOT NULL,
    message_id       INTEGER NOT NULL,
    text             TEXT    NOT NULL,
    created_at       TEXT    NOT NULL,
    PRIMARY KEY (chat_id, message_id)
) WITHOUT ROWID;
