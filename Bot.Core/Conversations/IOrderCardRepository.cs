using Bot.Core.Storage;

namespace Bot.Core.Conversations;

/// <summary>The order cards posted at the top of staff topics (see <see cref="OrderCardState"/>).</summary>
public interface IOrderCardRepository
{
    /// <summary>Remembers the card message of a conversation (a new topic posts a new card); the next refresh edits it.
    /// The dispute as last seen is kept, so a dispute is never announced twice.</summary>
    Task SetMessageAsync(DbSession session, long conversationId, long chatId, int messageId);

    /// <summary>Cards whose conversation has messages newer than its last refresh, refreshed never or before
    /// <paramref name="refreshedBefore"/>: the conversations active since, and due.</summary>
    Task<IReadOnlyList<OrderCardState>> ListDueAsync(DbSession session, DateTimeOffset refreshedBefore, int limit);

    /// <summary>Whether the conversation's order was over when last read; null: no card, never read, or not known.</summary>
    Task<bool?> OrderFinishedAsync(DbSession session, long conversationId);

    /// <summary>Whether the order's dispute was open when last read (false: none, closed, or never read).</summary>
    Task<bool> DisputeOpenAsync(DbSession session, long conversationId);

    /// <summary>Records a refresh (or an attempt): when, up to which message, and what the card now shows.</summary>
    Task SaveRefreshAsync(DbSession session, OrderCardState state);

    /// <summary>Stores the order's facts as the card last showed them (JSON, written by the card's refresh).</summary>
    Task SaveFactsAsync(DbSession session, long conversationId, string json);

    /// <summary>The order's facts as the card last showed them (JSON), or null when never read.</summary>
    Task<string?> GetFactsAsync(DbSession session, long conversationId);
}
