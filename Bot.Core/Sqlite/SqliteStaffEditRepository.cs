using Bot.Core.Outbox;
using Bot.Core.Staff;
using Bot.Core.Storage;
using Dapper;

namespace Bot.Core.Sqlite;

/// <summary>The SQLite <see cref="IStaffEditRepository"/>.</summary>
internal sealed class SqliteStaffEditRepository : IStaffEditRepository
{
    public async Task<(long? MessageId, StaffEditState State)> FindAsync(DbSession session, long chatId, int messageId)
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
            [] => (null, StaffEditState.Unknown),
            [{ Pending: > 0, Copies: 0 } r, ..] => (r.Id, StaffEditState.Pending),
            [var r, ..] => (r.Id, StaffEditState.Sent),
        };
    }

    public Task ReplaceTextAsync(DbSession session, long messageId, string text) =>
        session.Connection.ExecuteAsync(
            """
            UPDATE messages SET text = @text
            WHERE id = @messageId AND NOT EXISTS (SELECT 1 FROM message_copies c WHERE c.message_id = @messageId AND c.target = 'marketplace')
            """,
            new { messageId, text },
            session.Transaction);
}
