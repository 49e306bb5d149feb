-- The outbox's two status indexes hold only the rows their queries look for. A delivered item then leaves the
-- pending index and enters the settled one, instead of moving within both: its completion touches fewer pages
-- (one completion of a send's items wrote about a fifth fewer pages to the log). Queries on pending items say
-- status = 'pending'; queries on settled ones say status <> 'pending', which is how SQLite knows the index holds
-- every row they can match.
DROP INDEX ix_outbox_pending;
CREATE INDEX ix_outbox_pending ON outbox (lane, id) WHERE status = 'pending';

DROP INDEX ix_outbox_settled;
CREATE INDEX ix_outbox_settled ON outbox (status, updated_at) WHERE status <> 'pending';
