using Bot.Core.Chat;
using Bot.Core.Conversations;

namespace Bot.Core.Buyers;

/// <summary>Which conversations a linked buyer may reach, and how they are named to the buyer.</summary>
public static class BuyerOrders
{
    /// <summary>The conversation is this link's buyer's own; never when the buyer id is empty (conversations without
    /// one would all share it).</summary>
    public static bool Owns(BuyerLink link, Conversation conversation) =>
        BuyerLink.IsBuyerId(link.BuyerId) && conversation.Marketplace == link.Marketplace && conversation.Account == link.Account
        && conversation.BuyerId == link.BuyerId;

    public static string Label(Conversation c) => c.Kind == ConversationKind.Order ? $"#{c.ExternalId}" : c.Card?.ProductName ?? "pre-order chat";

    public static IReadOnlyList<IReadOnlyList<ChatButton>> Buttons(IReadOnlyList<Conversation> mine) =>
        mine.Select(c => (IReadOnlyList<ChatButton>)[new ChatButton(Label(c), OrderChoiceCallback.Prefix + c.Id)]).ToList();
}
