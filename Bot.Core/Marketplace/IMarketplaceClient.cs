using Bot.Core.Conversations;

namespace Bot.Core.Marketplace;

/// <summary>The seam to one marketplace account. A new marketplace is a new implementation of this, nothing else.</summary>
/// <remarks>Errors are reported as <see cref="MarketplaceException"/>.</remarks>
public interface IMarketplaceClient
{
    /// <summary>Short stable name stored with every conversation, e.g. "aliexpress".</summary>
    string Marketplace { get; }

    /// <summary>The store account this client acts for (seller login id).</summary>
    string Account { get; }

    MarketplaceCapabilities Capabilities { get; }

    /// <summary>A sentence operators see first on /status and the status page (e.g. that this marketplace is a demo),
    /// or null.</summary>
    string? Notice => null;

    /// <summary>Messages new since <paramref name="cursor"/> (null: from the adapter's configured start).
    /// May return messages already seen; the core de-duplicates on (conversation, message id).</summary>
    Task<MarketplaceBatch> FetchAsync(string? cursor, CancellationToken cancellationToken);

    /// <summary>Uploads a photo staff sent and returns the url to post it with (<see cref="MarketplaceOutgoing.ImageUrl"/>).
    /// A marketplace that takes no photos refuses with a rejected <see cref="MarketplaceException"/>.</summary>
    Task<string> UploadImageAsync(byte[] data, string fileName, CancellationToken cancellationToken) =>
        throw new MarketplaceException(MarketplaceErrorKind.Rejected, "this marketplace does not accept photos.");

    /// <summary>Uploads a file staff sent (a document of a type and size <see cref="MarketplaceCapabilities.Files"/> accepts)
    /// and returns the url to post it with, as for a photo. By default pictures go to <see cref="UploadImageAsync"/> and
    /// anything else is refused.</summary>
    Task<string> UploadFileAsync(byte[] data, string fileName, string contentType, CancellationToken cancellationToken) =>
        contentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase)
            ? UploadImageAsync(data, fileName, cancellationToken)
            : throw new MarketplaceException(MarketplaceErrorKind.Rejected, $"this marketplace does not accept {MarketplaceAttachments.Label(contentType)} files.");

    Task<MarketplaceSendResult> SendAsync(MarketplaceOutgoing message, CancellationToken cancellationToken);

    /// <summary>Marks the conversation read so the seller center does not show it as unanswered.</summary>
    Task MarkReadAsync(string conversationId, ConversationKind kind, CancellationToken cancellationToken);

    /// <summary>Whether <see cref="MarkReadAsync"/> does something for this account now. While it is false the bridge
    /// queues no mark-read: a queued one costs a row, its lane's head and a delivery of its own for a call that does
    /// nothing. True unless the adapter knows better (a marketplace without such a call, a setting that turns it off).</summary>
    bool MarksRead => true;

    /// <summary>As <see cref="MarksRead"/>, for <see cref="MarkProcessedAsync"/>.</summary>
    bool MarksProcessed => true;

    /// <summary>Marks the conversation processed (answered) after staff replied, where the marketplace keeps such a
    /// state; does nothing elsewhere.</summary>
    Task MarkProcessedAsync(string conversationId, ConversationKind kind, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>What the marketplace says about an order (for the order card), or null when this adapter cannot tell.
    /// A refusal is reported as a <see cref="MarketplaceException"/>.</summary>
    Task<OrderFacts?> GetOrderFactsAsync(string orderId, CancellationToken cancellationToken) => Task.FromResult<OrderFacts?>(null);
}
