using Bot.Core.Marketplace;
using Bot.Core.MarketplaceRelay;
using Bot.Core.Storage;
using Dapper;

namespace Bot.Core.Sqlite;

/// <summary>The SQLite <see cref="ISetAsideRepository"/>.</summary>
internal sealed class SqliteSetAsideRepository(IDbConnectionFactory connections, TimeProvider time) : ISetAsideRepository
{
    // Run by the ingest for every item a page sets aside.
    private static readonly Statement Upsert = new(
        """
        INSERT INTO marketplace_set_aside (marketplace, account, conversation_id, item_id, reason, raw, first_seen_at, last_seen_at)
        VALUES (@marketplace, @account, @ConversationId, @ItemId, @Reason, @Raw, @at, @at)
        ON CONFLICT (marketplace, account, conversation_id, item_id)
        DO UPDATE SET last_seen_at = excluded.last_seen_at, times_seen = marketplace_set_aside.times_seen + 1
        RETURNING times_seen
        """,
        "@marketplace", "@account", "@ConversationId", "@ItemId", "@Reason", "@Raw", "@at");

    private const string Latest =
        """
        SELECT id, conversation_id AS ConversationId, item_id AS ItemId, reason, raw, first_seen_at AS FirstSeenAt, times_seen AS TimesSeen
        FROM marketplace_set_aside ORDER BY id DESC LIMIT @limit
        """;

    public async Task<bool> AddAsync(DbSession session, string marketplace, string account, MarketplaceSetAside item) =>
        (await Upsert.QueryAsync(session, r => r.GetInt64(0), marketplace, account, item.ConversationId, item.ItemId, item.Reason, item.Raw, time.GetUtcNow()))[0] == 1;

    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM marketplace_set_aside");
    }

    public async Task<IReadOnlyList<SetAsideItem>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<SetAsideItem>(Latest, new { limit })).AsList();
    }

    public Task<int> PruneAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken) =>
        Prune.ExecuteInTurnAsync(connections, cancellationToken, before, limit);

    // Retention runs it an hour apart, idle or not: a statement, so that idling never loads Dapper.
    private static readonly Statement Prune = new(
        "DELETE FROM marketplace_set_aside WHERE id IN (SELECT id FROM marketplace_set_aside WHERE last_seen_at < @before LIMIT @limit)",
        "@before", "@limit");
}
