namespace Bot.Core.Marketplace;

/// <summary>What one fetch returned, and the cursor to store once these messages are committed.</summary>
/// <param name="NextCursor">Opaque to the core; stored durably only after <see cref="Messages"/> are committed.</param>
/// <param name="HasMore">True when the adapter has more to give right away (the poller fetches again without waiting).</param>
/// <param name="SetAside">Malformed items met on the way: stored for operators with the batch, never relayed.</param>
public sealed record MarketplaceBatch(IReadOnlyList<MarketplaceMessage> Messages, string? NextCursor, bool HasMore = false,
    IReadOnlyList<MarketplaceSetAside>? SetAside = null)
{
    public static MarketplaceBatch Empty(string? cursor) => new([], cursor);
}
