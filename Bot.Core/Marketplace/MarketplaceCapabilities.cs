namespace Bot.Core.Marketplace;

/// <summary>What an adapter can do beyond plain text.</summary>
/// <param name="MaxTextLength">The longest text one message may carry; longer text is split by the core.</param>
public sealed record MarketplaceCapabilities(int MaxTextLength);
