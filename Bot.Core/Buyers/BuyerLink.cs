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
}
