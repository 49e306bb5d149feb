namespace Bot.Core.Marketplace;

/// <summary>An item the adapter read but could not make sense of (e.g. a timestamp out of range). It is kept for the
/// operators instead of being relayed, and polling carries on past it.</summary>
/// <param name="ConversationId">The marketplace's conversation the item came from ("" when unknown).</param>
/// <param name="ItemId">The item's id, or a digest of its raw text when it has none: the key that counts it once.</param>
/// <param name="Reason">What is wrong with it, for operators.</param>
/// <param name="Raw">The item as the marketplace sent it, shortened.</param>
public sealed record MarketplaceSetAside(string ConversationId, string ItemId, string Reason, string Raw);
