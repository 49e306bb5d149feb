-- Leases between bridge instances that share one database (PostgreSQL): who does what only one may do at a time.
-- A row is held by holder (an instance's random id) until expires_at (ISO 8601 text in UTC, as every time here);
-- its holder renews it, and anyone may take it once it expired, so a crashed holder's work passes on by itself.
-- Names: "marketplace-poll", "telegram-updates", and the outbox's claims "chat:<id>" and "lane:<lane>".
CREATE TABLE leases (
    name       TEXT PRIMARY KEY,
    holder     TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
