using Bot.Core.Conversations;

namespace Bot.Core.Marketplace;

/// <summary>A message the bridge posts into a marketplace conversation on the store's behalf.</summary>
/// <param name="ReplyContext">What the adapter stored with the conversation when it first saw it.</param>
/// <param name="ImageUrl">An image the marketplace already holds (from <see cref="IMarketplaceClient.UploadImageAsync"/>), posted with the text.</param>
public sealed record MarketplaceOutgoing(
    string ConversationId,
    ConversationKind Kind,
    string BuyerId,
    string Text,
    string? ReplyContext = null,
    string? ImageUrl = null);
