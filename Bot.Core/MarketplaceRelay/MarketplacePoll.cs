namespace Bot.Core.MarketplaceRelay;

/// <summary>What one poll found.</summary>
/// <param name="HasMore">The marketplace has more to give right away.</param>
/// <param name="Messages">Messages the marketplace reported (the bridge's own echoes included): activity.</param>
public sealed record MarketplacePoll(bool HasMore, int Messages);
