-- The seller's tokens per marketplace (one row each), replaced on every connect and refresh. Secrets: never logged.
-- Times are ISO-8601 text like every other table; access_expires_at is NULL for a token given in configuration.
CREATE TABLE marketplace_authorizations (
    marketplace        TEXT PRIMARY KEY,
    access_token       TEXT NOT NULL,
    access_expires_at  TEXT,
    refresh_token      TEXT,
    refresh_expires_at TEXT,
    issued_at          TEXT NOT NULL
);
