using Bot.Core.Conversations;
using Bot.Core.Marketplace;
using Microsoft.Extensions.Options;

namespace Bot.Marketplace.AliExpress;

/// <summary>The AliExpress seller account as a <see cref="IMarketplaceClient"/>, over the message API family that
/// <see cref="AliExpressMessageFamily"/> says is in use (versiontwo, or the IM family <c>aliexpress/message/*</c>): it
/// fetches and posts through the family's own classes (<see cref="AliExpressVersionTwoSender"/>, <see cref="AliExpressImSender"/>)
/// and marks conversations through <see cref="AliExpressConversationMarks"/>.</summary>
internal sealed class AliExpressMarketplaceClient(
    IopClient iop, AliExpressFetcher fetcher, AliExpressSelfCheck selfCheck, IOptions<AliExpressOptions> options,
    AliExpressMessageFamily family, AliExpressImFetcher imFetcher, AliExpressImSender imSender, AliExpressVersionTwoSender versionTwoSender,
    AliExpressConversationMarks conversationMarks, AliExpressOrderReader orders)
    : IMarketplaceClient
{
    /// <summary>The platform publishes no limit for <c>addmsg</c> content. 1000 characters is what the seller
    /// center's order-message box is reported to accept (unverified); the core splits longer text, so a conservative
    /// limit costs an extra message at worst, while a too-large one would get messages refused.</summary>
    public const int MaxTextLength = 1000;

    public string Marketplace => "aliexpress";

    public string Account => options.Value.SellerLoginId;

    /// <summary>Pictures only: uploadtempimage takes jpg, png and gif (its size limit is not published; a refusal comes back
    /// in the platform's words).</summary>
    public MarketplaceCapabilities Capabilities { get; } = new(MaxTextLength, Attachments: new(["image/jpeg", "image/png", "image/gif"], 20 * 1024 * 1024));

    /// <summary>The message API family in use and the last self-check, for /status and the status page.</summary>
    public string? Notice => selfCheck.Last?.Summary() is { } summary ? $"{family.Sentence()} {summary}" : family.Sentence();

    public async Task<MarketplaceBatch> FetchAsync(string? cursor, CancellationToken cancellationToken)
    {
        if (!family.IsIm && options.Value.MessageApi == AliExpressMessageApi.Auto && AliExpressImCursor.IsIm(cursor))
        {
            family.AdoptIm();
        }

        if (family.IsIm)
        {
            return await imFetcher.FetchAsync(cursor, cancellationToken);
        }

        try
        {
            return await fetcher.FetchAsync(AliExpressImCursor.ToVersionTwo(cursor), cancellationToken);
        }
        catch (MarketplaceException e) when (family.ShouldSwitch(e))
        {
            // The IM fetch continues from the older family's watermark and skips the ids it reported.
            family.SwitchToIm(AliExpressMethods.QueryRelations, e);
            return await imFetcher.FetchAsync(cursor, cancellationToken);
        }
    }

    public Task<OrderFacts?> GetOrderFactsAsync(string orderId, CancellationToken cancellationToken) =>
        orders.ReadAsync(orderId, cancellationToken);

    /// <summary>Posts with <c>addmsg</c>, for order comments too.</summary>
    /// <remarks><c>aliexpress.issue.redefining.leaveordermessage</c> also writes order comments, but it belongs to the
    /// dispute (issue) API: its SDK description is "seller adds an order message in a dispute", it needs the issue
    /// permission group and it answers in a different shape. <c>addmsg</c> with <c>message_type=order</c> writes into the
    /// same message model that <c>querymsgrelationlist</c>/<c>querymsgdetaillist</c> read (one permission, one
    /// error shape), so the bridge uses it for every conversation.
    /// <c>addmsg</c> returns no message id: the post comes back in a later fetch and the core matches it as an echo.
    /// It is never retried automatically: when the answer is lost the post may or may not exist (see the exception).</remarks>
    public async Task<MarketplaceSendResult> SendAsync(MarketplaceOutgoing message, CancellationToken cancellationToken)
    {
        if (!family.IsIm)
        {
            try
            {
                await versionTwoSender.SendAsync(message, cancellationToken);
                return new MarketplaceSendResult(null);
            }
            catch (MarketplaceException e) when (family.ShouldSwitch(e))
            {
                // Refused before anything was posted: post it with the IM family instead.
                family.SwitchToIm(AliExpressMethods.AddMessage, e);
            }
        }

        await imSender.SendAsync(message, cancellationToken);
        return new MarketplaceSendResult(null);
    }

    /// <summary><c>aliexpress.image.redefining.uploadtempimage</c> (multipart <c>file_data</c> + <c>src_file_name</c>); the
    /// platform's refusal (format, size, a security check) comes back as a rejected <see cref="MarketplaceException"/> in its
    /// own words. Not retried automatically: a second upload of the same photo is harmless but costs a call.</summary>
    public async Task<string> UploadImageAsync(byte[] data, string fileName, CancellationToken cancellationToken)
    {
        var result = await iop.CallAsync(AliExpressMethods.UploadTempImage,
            new Dictionary<string, string> { ["src_file_name"] = fileName }, retryable: false, cancellationToken, new IopFile("file_data", fileName, data));
        return IopJson.Str(result, "url") is { Length: > 0 } url
            ? url
            : throw new MarketplaceException(MarketplaceErrorKind.Transient, "AliExpress answered uploadtempimage without an image url.");
    }

    public Task MarkReadAsync(string conversationId, ConversationKind kind, CancellationToken cancellationToken) =>
        conversationMarks.MarkReadAsync(conversationId, cancellationToken);

    public Task MarkProcessedAsync(string conversationId, ConversationKind kind, CancellationToken cancellationToken) =>
        conversationMarks.MarkProcessedAsync(conversationId, cancellationToken);

    public bool MarksRead => conversationMarks.MarksRead;

    public bool MarksProcessed => conversationMarks.MarksProcessed;
}
