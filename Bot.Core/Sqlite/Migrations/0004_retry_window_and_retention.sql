-- Deliveries that fail for an outage are retried for a time (Relay__RetryFor), not a count: when the current run
-- of failures began. NULL while the delivery has not failed (and again after an operator's /retry).
ALTER TABLE outbox ADD COLUMN failing_since TEXT;

-- Retention prunes settled deliveries (done, dead) by the time they settled.
CREATE INDEX ix_outbox_settled ON outbox (status, updated_at);

-- A marketplace post the marketplace accepted. It returns no id for it (the echo brings one much later), so without
-- this a retry of a multi-part reply would post the parts already accepted again.
ALTER TABLE message_copies ADD COLUMN accepted_at TEXT;

-- The translation cache records a use at most once a day per entry (a hit is a read, not a write); retention
-- removes entries unused for Retention__TranslationCache. Entries never hit count as used when they were stored.
UPDATE translation_cache SET last_hit_at = created_at WHERE last_hit_at IS NULL;
CREATE INDEX ix_translation_cache_last_hit ON translation_cache (last_hit_at);

-- Before this version the parts of a long reply were recorded one by one, each just before it was sent; now all are
-- recorded at the first attempt and a retry sends exactly those. For replies still waiting, forget the parts not
-- matched yet so that the next attempt records and sends them all (a part sent before the upgrade may appear twice;
-- none is left out).
DELETE FROM message_copies
WHERE target = 'marketplace' AND remote_message_id IS NULL
  AND message_id IN (SELECT message_id FROM outbox WHERE kind = 'marketplace_send' AND status = 'pending' AND message_id IS NOT NULL);
