using System.Globalization;
using System.Text.Json.Nodes;
using Bot.Core.Conversations;
using Bot.Core.Marketplace;
using Microsoft.Extensions.Options;

namespace Bot.Marketplace.AliExpress;

/// <summary>The AliExpress seller account as a <see cref="IMarketplaceClient"/>, over the message API family that
/// <see cref="AliExpressMessageFamily"/> says is in use (versiontwo, or the IM family <c>aliexpress/message/*</c>).</summary>
internal sealed class AliExpressMarketplaceClient(
    IopClient iop, AliExpressFetcher fetcher, AliExpressSelfCheck selfCheck, IOptions<AliExpressOptions> options, ILogger<AliExpressMarketplaceClient> logger,
    AliExpressMessageFamily family, AliExpressImFetcher imFetcher, AliExpressImSender imSender, AliExpressOrderReader orders)
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
                return await SendVersionTwoAsync(message, cancellationToken);
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

    private async Task<MarketplaceSendResult> SendVersionTwoAsync(MarketplaceOutgoing message, CancellationToken cancellationToken)
    {
        var context = AliExpressReplyContext.TryParse(message.ReplyContext);
        if (message.Kind == ConversationKind.Order)
        {
            context = new AliExpressReplyContext(AliExpressReplyContext.Order,
                context?.MessageType == AliExpressReplyContext.Order ? context.ExternId : message.ConversationId);
        }
        else if (context is null || context.MessageType == AliExpressReplyContext.Order)
        {
            context = new AliExpressReplyContext(AliExpressReplyContext.Member, "0");
        }

        var create = new JsonObject
        {
            ["buyer_id"] = message.BuyerId,
            ["seller_id"] = options.Value.SellerLoginId,
            ["message_type"] = context.MessageType,
            ["extern_id"] = long.TryParse(context.ExternId, NumberStyles.Integer, CultureInfo.InvariantCulture, out var externId)
                ? JsonValue.Create(externId)
                : JsonValue.Create(context.ExternId),
            ["content"] = message.Text,
        };
        if (message.ImageUrl is not null)
        {
            create["img_path"] = message.ImageUrl;
        }

        await iop.CallAsync(AliExpressMethods.AddMessage,
            new Dictionary<string, string> { ["create_param"] = create.ToJsonString() }, retryable: false, cancellationToken);
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

    public async Task MarkReadAsync(string conversationId, ConversationKind kind, CancellationToken cancellationToken)
    {
        // The IM family has no read API (reference 3.10): nothing to do there. A refusal here never switches families:
        // only listing and posting decide which family the store can use.
        if (!options.Value.MarkReadAfterRelay || family.IsIm)
        {
            return;
        }

        await iop.CallAsync(AliExpressMethods.MarkRead,
            new Dictionary<string, string> { ["channel_id"] = conversationId }, retryable: true, cancellationToken);
    }

    /// <summary><c>updatemsgprocessed</c> with <c>deal_stat=1</c>: the seller center shows the conversation handled.
    /// A refusal (no permission, unknown channel) is logged and not retried: it would fail every time, and the reply
    /// itself reached the buyer; the self-check tells operators what to do. A call that got no answer is retried.
    /// The IM family has no equivalent (reference 3.10; <c>session/tag/update</c> only tags): nothing is done there.</summary>
    public async Task MarkProcessedAsync(string conversationId, ConversationKind kind, CancellationToken cancellationToken)
    {
        if (family.IsIm)
        {
            return;
        }

        try
        {
            await iop.CallAsync(AliExpressMethods.MarkProcessed,
                new Dictionary<string, string> { ["channel_id"] = conversationId, ["deal_stat"] = "1" }, retryable: true, cancellationToken);
        }
        catch (MarketplaceException e) when (e.Kind == MarketplaceErrorKind.Rejected || AliExpressSelfCheckAdvice.RefusesTheMethod(e))
        {
            AliExpressLog.NotMarkedProcessed(logger, conversationId, e.Code, e.Message);
        }
    }
}
