namespace Bot.Core.Outbox;

public static class OutboxKinds
{
    /// <summary>A stored message shown in the conversation's staff topic (creating the topic when needed).</summary>
    public const string StaffPost = "staff_post";

    /// <summary>A staff (or linked buyer) message posted into the marketplace conversation.</summary>
    public const string MarketplaceSend = "marketplace_send";

    public const string MarketplaceMarkRead = "marketplace_mark_read";

    /// <summary>A reaction on a staff message (✅ delivered, ⚠️ failed).</summary>
    public const string Reaction = "reaction";

    /// <summary>A short note from the bridge into a chat (payload: <see cref="NoticePayload"/>).</summary>
    public const string Notice = "notice";

    public static string StaffLane(long conversationId) => $"staff:{conversationId}";

    public static string MarketplaceLane(long conversationId) => $"market:{conversationId}";

    public static string ChatLane(long chatId) => $"chat:{chatId}";
}
