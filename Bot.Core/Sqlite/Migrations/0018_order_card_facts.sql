-- What the marketplace last said about the order, as shown on the card (escaped HTML, the lines under the card's
-- head), so the card can be shown again without reading the order: when someone takes or gives back the conversation
-- the card is edited with who has it and these same lines. NULL: the order was never read (or the card is older).
ALTER TABLE order_card_messages ADD COLUMN facts_html TEXT;
