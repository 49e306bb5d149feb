using Bot.Core.Outbox;
using Bot.Core.Storage;
using Dapper;

namespace Bot.Core.Sqlite;

/// <summary>The SQLite <see cref="IDeadLetterRepository"/>.</summary>
internal sealed class SqliteDeadLetterRepository(IDbConnectionFactory connections) : IDeadLetterRepository
{
    // Settled rows are found through the settled index only when the query says status <> 'pending' (migration 0025).
    internal const string Latest = """
        SELECT o.id AS Id, o.kind AS Kind, o.attempts AS Attempts, o.last_error AS LastError,
               c.kind AS ConversationKind, c.external_id AS ExternalId, c.buyer_name AS BuyerName,
               t.chat_id AS TopicChatId, t.topic_id AS TopicId
        FROM outbox o
        LEFT JOIN conversations c ON c.id = o.conversation_id
        LEFT JOIN thread_bindings t ON t.conversation_id = o.conversation_id AND t.audience = 'staff'
        WHERE o.status = 'dead' AND o.status <> 'pending'
        ORDER BY o.id DESC
        LIMIT @limit
        """;

    public async Task<IReadOnlyList<StoredDeadLetter>> LatestAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<StoredDeadLetter>(new CommandDefinition(Latest, new { limit }, cancellationToken: cancellationToken))).AsList();
    }

    internal const string DeadIds = "SELECT id FROM outbox WHERE status = 'dead' AND status <> 'pending'";

    internal const string DeadIdsOfConversation = DeadIds + " AND conversation_id = @conversationId";

    public async Task<IReadOnlyList<long>> IdsAsync(long? conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var sql = conversationId is null ? DeadIds : DeadIdsOfConversation;
        return (await connection.QueryAsync<long>(new CommandDefinition(sql, new { conversationId }, cancellationToken: cancellationToken))).AsList();
    }

    public async Task<IReadOnlyList<(long Id, OutboxStatus Status, string? LastError)>> StatusesAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long Id, string Status, string? LastError)>(new CommandDefinition(
            "SELECT id, status, last_error FROM outbox WHERE id IN @ids", new { ids }, cancellationToken: cancellationToken));
        return rows.Select(r => (r.Id, StoredEnum.Parse<OutboxStatus>(r.Status), r.LastError)).ToList();
    }
}
