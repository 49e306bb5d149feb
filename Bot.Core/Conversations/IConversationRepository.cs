using Bot.Core.Storage;

namespace Bot.Core.Conversations;

public interface IConversationRepository
{
    /// <summary>Finds the conversation, or creates it; newer buyer name, card and reply context replace older ones. A
    /// buyer id is filled in when the conversation was stored without one, never replaced once set (that would hand
    /// the conversation to another buyer's link).</summary>
    Task<Conversation> UpsertAsync(
        DbSession session, string marketplace, string account, ConversationKind kind, string externalId,
        string buyerId, string? buyerName, OrderCard? card, string? replyContext);

    Task<Conversation?> GetAsync(DbSession session, long id);

    Task SetBuyerLanguageAsync(DbSession session, long id, string language);

    Task<ThreadBinding?> GetBindingAsync(DbSession session, long conversationId, Audience audience);

    /// <summary>The conversation bound to a staff topic, or null when the topic is not one of the bridge's.</summary>
    Task<Conversation?> FindByTopicAsync(DbSession session, long chatId, int topicId);

    /// <summary>The conversation bound to a topic of a buyer's private chat, or null.</summary>
    Task<Conversation?> FindByBuyerTopicAsync(DbSession session, long chatId, int topicId);

    /// <param name="cardDue">A new staff topic whose order card is still to be stored (<see cref="CardStoredAsync"/>).</param>
    Task SetBindingAsync(DbSession session, ThreadBinding binding, bool cardDue = false);

    /// <summary>The conversation's staff topic, and whether its order card is still to be stored.</summary>
    Task<(ThreadBinding? Binding, bool CardDue)> GetStaffTopicAsync(DbSession session, long conversationId);

    /// <summary>The staff topic's order card is stored: it is no longer due.</summary>
    Task CardStoredAsync(DbSession session, long conversationId);

    /// <summary>A group upgraded to a supergroup got a new id: the topics bound in it follow it (the caller moves the
    /// pending deliveries in the same session).</summary>
    Task MigrateChatAsync(DbSession session, long oldChatId, long newChatId);

    /// <summary>The conversation's kind and marketplace id, both null when there is no such
    /// conversation.</summary>
    Task<(ConversationKind? Kind, string? ExternalId)> GetKindAndExternalIdAsync(DbSession session, long id);

    /// <summary>The newest conversation whose marketplace order or chat id this is; null when none is.</summary>
    Task<long?> FindIdByExternalIdAsync(DbSession session, string externalId);

    /// <summary>The buyer's conversations at this store, most recently active first, in one query.</summary>
    Task<IReadOnlyList<Conversation>> ListOfBuyerAsync(DbSession session, string marketplace, string account, string buyerId, int limit);
}
