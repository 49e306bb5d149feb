using Bot.Core.Chat;
using Bot.Core.Formatting;

namespace Bot.Core.Conversations;

/// <summary>What a conversation's topic is called, in the staff chat and in a linked buyer's private chat: the order
/// (the card's order id, else the conversation's id: a marketplace whose conversations are chats about an order has both)
/// and the buyer, or the buyer and the product asked about; one line, within Telegram's topic name limit.</summary>
public static class TopicNames
{
    public static string Of(Conversation conversation)
    {
        var buyer = conversation.BuyerName ?? conversation.BuyerId;
        var name = conversation.Kind == ConversationKind.Order
            ? $"🧾 {conversation.Card?.OrderId ?? conversation.ExternalId} · {buyer}"
            : $"💬 {buyer}" + (conversation.Card?.ProductName is { } product ? $" · {product}" : "");
        name = name.ReplaceLineEndings(" ").Trim();
        return TextElements.Truncate(name, ChatLimits.MaxTopicNameLength);
    }
}
