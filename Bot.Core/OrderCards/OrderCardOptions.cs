namespace Bot.Core.OrderCards;

/// <summary>How often an active conversation's order card may be refreshed (section "Marketplace").</summary>
public sealed class OrderCardOptions
{
    public const string Section = "Marketplace";

    /// <summary>The shortest time between two order reads of one conversation. A conversation is read again only after
    /// a buyer message or a staff reply, and at most once per interval however many messages came meanwhile.</summary>
    public TimeSpan OrderRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);
}
