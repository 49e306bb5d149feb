using Bot.Core.Conversations;

namespace Bot.Core.Marketplace;

/// <summary>One message read from a marketplace conversation.</summary>
/// <param name="MessageId">The marketplace's id of the message: the de-duplication key within the conversation.</param>
/// <param name="ConversationId">The marketplace's id of the conversation (order id, channel id).</param>
/// <param name="ReplyContext">Opaque adapter data needed to answer in this conversation (e.g. a product id); stored with the conversation.</param>
/// <param name="Files">Files other than pictures (PDFs), shown to staff as documents.</param>
public sealed record MarketplaceMessage(
    string MessageId,
    string ConversationId,
    ConversationKind Kind,
    MarketplaceAuthor Author,
    string BuyerId,
    string? BuyerName,
    string Text,
    IReadOnlyList<string> ImageUrls,
    DateTimeOffset SentAt,
    OrderCard? Card = null,
    string? ReplyContext = null,
    IReadOnlyList<MarketplaceFile>? Files = null)
{
    public IReadOnlyList<MarketplaceFile> Attachments => Files ?? [];
}
