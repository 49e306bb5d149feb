using Bot.Core.Outbox;
using Bot.Core.Storage;
using Dapper;

namespace Bot.Core.Staff;

/// <summary>What became of a staff message that was later edited in Telegram, and the one change an edit may make:
/// the text of a reply the marketplace has not received yet.</summary>
public sealed class StaffEditRepository
{
    public enum State
    {
        /// <summary>Not stored: it was a command, a sticker, a note... nothing was relayed.</summary>
        Unknown,

        /// <summary>Waiting in the outbox, no part handed to the marketplace yet: the edited text can still go.</summary>
        Pending,

        /// <summary>Sent, being sent, or given up on: the marketplace keeps what it has.</summary>
        Sent,
    }

    public async Task<(long? MessageId, State State)> FindAsync(DbSession session, long chatId, int messageId)
    {
        var rows = (await session.Connection.QueryAsync<(long Id, long Pending, long Copies)>(
            """
            SELECT m.id,
                   (SELECT COUNT(*) FROM outbox o WHERE o.message_id = m.id AND o.kind = @kind AND o.status = 'pending'),
                   (SELECT COUNT(*) FROM message_copies c WHERE c.message_id = m.id AND c.target = 'marketplace')
            FROM messages m
            WHERE m.source_chat_id = @chatId AND m.source_message_id = @messageId AND m.author_role = 'staff'
            """,
            new { chatId, messageId, kind = OutboxKinds.MarketplaceSend },
            session.Transaction)).AsList();
        return rows switch
        {
            [] => (null, State.Unknown),
            [{ Pending: > 0, Copies: 0 } r, ..] => (r.Id, State.Pending),
            [var r, ..] => (r.Id, State.Sent),
        };
    }

    /// <summary>Replaces the text of a reply still waiting for its first marketplace send. A send that already read the
    /// old text races this (the window is one delivery attempt); the copy it records then shows what went out.</summary>
    public Task ReplaceTextAsync(DbSession session, long messageId, string text) =>
        session.Connection.ExecuteAsync(
            """
            UPDATE messages SET text = @text
            WHERE id = @messageId AND NOT EXISTS (SELECT 1 FROM message_copies c WHERE c.message_id = @messageId AND c.target = 'marketplace')
            """,
            new { messageId, text },
            session.Transaction);
}
