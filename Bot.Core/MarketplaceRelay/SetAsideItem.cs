namespace Bot.Core.MarketplaceRelay;

/// <summary>A stored <see cref="Marketplace.MarketplaceSetAside"/>, as operators see it.</summary>
public sealed class SetAsideItem
{
    public long Id { get; set; }

    public string ConversationId { get; set; } = "";

    public string ItemId { get; set; } = "";

    public string Reason { get; set; } = "";

    public string Raw { get; set; } = "";

    public DateTimeOffset FirstSeenAt { get; set; }

    public long TimesSeen { get; set; }
}
