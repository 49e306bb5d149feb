-- A link whose Telegram user blocked the bot: kept, but nothing is sent to it until the user writes again.
ALTER TABLE buyer_links ADD COLUMN blocked_at TEXT;

-- An invitation staff withdrew before it was used.
ALTER TABLE buyer_invites ADD COLUMN revoked_at TEXT;

-- A conversation without a buyer id belongs to no one: links made to the empty id joined different buyers' orders.
UPDATE buyer_links SET unlinked_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
WHERE unlinked_at IS NULL AND TRIM(buyer_id) = '';

-- One Telegram user per marketplace buyer: of several active links to one buyer, the newest stays.
UPDATE buyer_links SET unlinked_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
WHERE unlinked_at IS NULL AND EXISTS (
    SELECT 1 FROM buyer_links newer
    WHERE newer.unlinked_at IS NULL AND newer.marketplace = buyer_links.marketplace AND newer.account = buyer_links.account
      AND newer.buyer_id = buyer_links.buyer_id
      AND (newer.linked_at > buyer_links.linked_at OR (newer.linked_at = buyer_links.linked_at AND newer.telegram_user_id > buyer_links.telegram_user_id)));
CREATE UNIQUE INDEX ux_buyer_links_active_buyer ON buyer_links (marketplace, account, buyer_id) WHERE unlinked_at IS NULL;
