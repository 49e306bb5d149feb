-- The stored message a staff reply answers: the post (or, in a merged Telegram message, the part) staff replied to.
-- No foreign key: retention may one day prune the answered message before its answer.
ALTER TABLE messages ADD COLUMN reply_to_message_id INTEGER;
