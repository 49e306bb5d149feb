namespace Bot.Core.Buyers;

/// <summary>A Telegram user linked to a buyer's identity at this store.</summary>
public sealed class BuyerLink
{
    public long TelegramUserId { get; set; }

    public long ChatId { get; set; }

    public string? DisplayName { get; set; }

    public string Marketplace { get; set; } = "";

    public string Account { get; set; } = "";

    public string BuyerId { get; set; } = "";

    public string? Language { get; set; }

    public long? CurrentConversationId { get; set; }

    /// <summary>When Telegram refused a delivery because the user blocked the bot; nothing is sent until they write again.</summary>
    public DateTimeOffset? BlockedAt { get; set; }

    /// <summary>Whether this link names a buyer at all: a conversation without a buyer id belongs to no one.</summary>
    public static bool IsBuyerId(string? buyerId) => !string.IsNullOrWhiteSpace(buyerId);
}
