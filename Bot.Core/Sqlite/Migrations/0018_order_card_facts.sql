-- What the marketplace last said about the order, as shown on the card (escaped HTML, the lines under the card's
-- head), so the card can be shown again without reading the order: when someone takes or gives back the conversation
-- the card is edited with who has it and these same lines. NULL: the order was never read (or the card is older).
ALTER TABLE order_card_messages ADD COLUMN facts_html TEXT;

-- Cards refreshed before this column existed have no facts stored: forgetting what they last showed makes the next
-- refresh of each (after the conversation's next message) edit it once and store them.
UPDATE order_cards SET card_hash = NULL;
