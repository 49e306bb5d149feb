-- Whether a conversation's order was over (finished or archived) when the card last read it: 1, 0, or NULL when
-- not known. A quiet topic is closed only when its order is over or its state is not known.
ALTER TABLE order_cards ADD COLUMN order_finished INTEGER;
