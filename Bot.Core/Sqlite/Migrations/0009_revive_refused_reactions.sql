-- Older versions marked staff messages with ✅ and ⚠️, which Telegram refuses (400 REACTION_INVALID): each such
-- notice, with the "not delivered" explanation it carried, became a dead letter and kept the dead-letter alert on.
-- Put them back in their lanes: delivered again, the reaction becomes 👍 or 👎 (or a text note where the chat
-- refuses it) and the explanation is finally posted.
UPDATE outbox SET status = 'pending', attempts = 0
WHERE status = 'dead' AND kind = 'notice' AND last_error LIKE '%REACTION_INVALID%';
