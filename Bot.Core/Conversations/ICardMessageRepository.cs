using Bot.Core.Storage;

namespace Bot.Core.Conversations;

/// <summary>Where each conversation's order card was posted (one row per conversation, replaced when the topic is
/// made again).</summary>
public interface ICardMessageRepository
{
    Task SetAsync(DbSession session, CardMessage card);

    Task<CardMessage?> GetAsync(DbSession session, long conversationId);
}
