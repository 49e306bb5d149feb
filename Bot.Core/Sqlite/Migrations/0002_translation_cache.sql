-- Successful translations, so the same text is never paid for twice. Keyed by a SHA-256 of the original text
-- (hex); the text itself is not stored again, the messages table already holds it.
CREATE TABLE translation_cache (
    provider        TEXT    NOT NULL,
    source_language TEXT    NOT NULL,  -- 'auto' when the source could not be detected
    target_language TEXT    NOT NULL,
    text_hash       TEXT    NOT NULL,
    translation     TEXT    NOT NULL,
    created_at      TEXT    NOT NULL,
    last_hit_at     TEXT,
    hits            INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (provider, source_language, target_language, text_hash)
) WITHOUT ROWID;
