using Bot.Core.Marketplace;
using Bot.Core.Retention;
using Bot.Core.Storage;
using Dapper;

namespace Bot.Core.MarketplaceRelay;

/// <summary>Marketplace items set aside as malformed: stored with the batch that met them, listed for operators.</summary>
public sealed class SetAsideStore(IDbConnectionFactory connections, TimeProvider time) : IRetentionTarget
{
    private const string Upsert =
        """
        INSERT INTO marketplace_set_aside (marketplace, account, conversation_id, item_id, reason, raw, first_seen_at, last_seen_at)
        VALUES (@marketplace, @account, @ConversationId, @ItemId, @Reason, @Raw, @at, @at)
        ON CONFLICT (marketplace, account, conversation_id, item_id)
        DO UPDATE SET last_seen_at = excluded.last_seen_at, times_seen = times_seen + 1
        RETURNING times_seen
        """;

    private const string Latest =
        """
        SELECT id, conversation_id AS ConversationId, item_id AS ItemId, reason, raw, first_seen_at AS FirstSeenAt, times_seen AS TimesSeen
        FROM marketplace_set_aside ORDER BY id DESC LIMIT @limit
        """;

    /// <returns>True when the item is new (first time set aside).</returns>
    public async Task<bool> AddAsync(DbSession session, string marketplace, string account, MarketplaceSetAside item) =>
        await session.Connection.ExecuteScalarAsync<long>(
            Upsert,
            new { marketplace, account, item.ConversationId, item.ItemId, item.Reason, item.Raw, at = time.GetUtcNow() },
            session.Transaction) == 1;

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

    /// <summary>Deletes up to <paramref name="limit"/> set-aside items last seen before <paramref name="before"/>: the
    /// poller no longer meets them.</summary>
    public async Task<int> PruneAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            "DELETE FROM marketplace_set_aside WHERE id IN (SELECT id FROM marketplace_set_aside WHERE last_seen_at < @before LIMIT @limit)",
            new { before, limit });
    }

    string IRetentionTarget.What => "set-aside marketplace items";

    TimeSpan IRetentionTarget.KeepFor(RetentionOptions options) => options.SetAsideItems;

    Task<int> IRetentionTarget.PruneAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken) =>
        PruneAsync(before, limit, cancellationToken);
}
