using Bot.Core.Conversations;
using Bot.Core.Storage;

namespace Bot.Core.Buyers;

/// <summary>Links between Telegram users and marketplace buyers. A link is active, blocked (the user blocked the bot;
/// revived when they write again) or unlinked (final). A marketplace buyer has at most one link that is not unlinked,
/// and a link to an empty buyer id never reaches anything.</summary>
public interface IBuyerLinkRepository
{
    Task LinkAsync(DbSession session, BuyerLink link, DateTimeOffset now);

    /// <summary>The user's link, active or blocked (a blocked user who writes again is reactivated by the caller).</summary>
    Task<BuyerLink?> FindByUserAsync(DbSession session, long telegramUserId);

    /// <summary>The Telegram users who receive this conversation: the buyer's active link, none for an empty buyer id.</summary>
    Task<IReadOnlyList<BuyerLink>> FindForConversationAsync(DbSession session, Conversation conversation);

    /// <summary>Every link of the conversation's buyer that is not unlinked, blocked ones included.</summary>
    Task<IReadOnlyList<BuyerLink>> FindAllForBuyerAsync(DbSession session, string marketplace, string account, string buyerId);

    Task UnlinkAsync(DbSession session, long telegramUserId, DateTimeOffset now);

    /// <returns>True when the link was active until now (so staff are told once).</returns>
    Task<bool> MarkBlockedAsync(DbSession session, long telegramUserId, DateTimeOffset now);

    /// <returns>True when the link was blocked until now.</returns>
    Task<bool> ReactivateAsync(DbSession session, long telegramUserId);

    /// <summary>The buyer chose a language: their link and all their conversations at this store use it.</summary>
    Task SetLanguageAsync(DbSession session, BuyerLink link, string language);

    Task SetCurrentConversationAsync(DbSession session, long telegramUserId, long conversationId);

    /// <summary>Keeps a buyer's message that waits for a choice of order (replacing one with the same id).</summary>
    Task SavePendingAsync(DbSession session, BuyerLink link, long messageId, string text, DateTimeOffset now);

    /// <summary>Takes the buyer's messages that waited for a choice of order, oldest first.</summary>
    Task<IReadOnlyList<(long MessageId, string Text, DateTimeOffset CreatedAt)>> TakePendingAsync(DbSession session, long telegramUserId);
}
