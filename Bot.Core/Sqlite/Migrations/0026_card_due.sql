-- A staff topic whose order card is not stored yet. Set with the new topic's binding; cleared in the transaction that
-- stores the card's message, which for a card carrying the first posts is their delivery's completion. A topic still
-- marked when its conversation's next post is delivered (the bridge stopped between the topic and the card's record)
-- gets its card then, so no topic is left with a card the bridge cannot edit.
ALTER TABLE thread_bindings ADD COLUMN card_due INTEGER NOT NULL DEFAULT 0;
