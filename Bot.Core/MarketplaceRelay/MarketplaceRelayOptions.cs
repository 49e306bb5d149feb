namespace Bot.Core.MarketplaceRelay;

/// <summary>How the bridge posts into marketplace conversations and recognises its own posts (section "Relay").</summary>
public sealed class MarketplaceRelayOptions
{
    public const string Section = "Relay";

    /// <summary>Post the staff's original text beneath its translation on the marketplace, so a dispute mediator
    /// sees both.</summary>
    public bool IncludeOriginalOnMarketplace { get; set; } = true;

    /// <summary>How long after the bridge posted into a marketplace conversation its echo is still recognised.</summary>
    public TimeSpan EchoWindow { get; set; } = TimeSpan.FromHours(24);
}
