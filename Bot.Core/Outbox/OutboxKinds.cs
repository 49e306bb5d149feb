namespace Bot.Core.Outbox;

public static class OutboxKinds
{
    /// <summary>A stored message shown in the conversation's staff topic (creating the topic when needed).</summary>
    public const string StaffPost = "staff_post";

    /// <summary>A staff (or linked buyer) message posted into the marketplace conversation.</summary>
    public const string MarketplaceSend = "marketplace_send";

    public const string MarketplaceMarkRead = "marketplace_mark_read";

    /// <summary>Marks a marketplace conversation processed (answered) after a staff reply was accepted.</summary>
    public const string MarketplaceMarkProcessed = "marketplace_mark_processed";

    /// <summary>A reaction on a person's message (👍 delivered, 👎 failed; payload: <see cref="Feedback.ReactionPayload"/>), with a
    /// text reply instead where the chat refuses the reaction.</summary>
    public const string Reaction = "reaction";

    /// <summary>A short note from the bridge into a chat (payload: <see cref="Feedback.NoticePayload"/>).</summary>
    public const string Notice = "notice";

    /// <summary>A seller-side message copied to a linked buyer's private chat (payload: the Telegram user id).</summary>
    public const string BuyerPost = "buyer_post";

    /// <summary>An invitation for the buyer to continue in Telegram, posted into the marketplace conversation.</summary>
    public const string BuyerInvite = "buyer_invite";

    /// <summary>Every kind above, for metrics that show each kind from the start.</summary>
    public static IReadOnlyList<string> All { get; } = [StaffPost, MarketplaceSend, MarketplaceMarkRead, MarketplaceMarkProcessed, Reaction, Notice, BuyerPost, BuyerInvite];

    public static string BuyerLane(long telegramUserId) => $"buyer:{telegramUserId}";

    public static string StaffLane(long conversationId) => $"staff:{conversationId}";

    public static string MarketplaceLane(long conversationId) => $"market:{conversationId}";

    public static string ChatLane(long chatId) => $"chat:{chatId}";

    /// <summary>Reactions have their own lane per chat: a reaction Telegram is slow to take never holds back a note.</summary>
    public static string ReactionLane(long chatId) => $"reactions:{chatId}";
}
