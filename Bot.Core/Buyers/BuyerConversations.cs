using Bot.Core.Conversations;
using Bot.Core.Storage;

namespace Bot.Core.Buyers;

public static class BuyerConversations
{
    /// <summary>The conversations of the linked buyer at this store, most recently active first (at most 20, in one
    /// query); none without a buyer id.</summary>
    public static async Task<IReadOnlyList<Conversation>> OfLinkAsync(this IConversationRepository conversations, DbSession session, BuyerLink link) =>
        BuyerLink.IsBuyerId(link.BuyerId)
            ? await conversations.ListOfBuyerAsync(session, link.Marketplace, link.Account, link.BuyerId, 20)
            : [];
}
