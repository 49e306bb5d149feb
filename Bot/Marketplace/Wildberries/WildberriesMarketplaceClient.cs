using System.Globalization;
using System.Text.Json;
using Bot.Core.Conversations;
using Bot.Core.Marketplace;
using Microsoft.Extensions.Options;

namespace Bot.Marketplace.Wildberries;

/// <summary>A Wildberries store's buyer chats as a <see cref="IMarketplaceClient"/>: the account-wide events feed with
/// its <c>next</c> cursor, answers with the chat's <c>replySign</c>, files sent with the answer. Wildberries has no
/// mark-read call, gives no message id for an answer (echoes are matched by the core) and takes 1,000 characters per
/// message.</summary>
internal sealed class WildberriesMarketplaceClient(
    WildberriesApi api,
    WildberriesPoster poster,
    WildberriesChats chats,
    WildberriesEventMapper mapper,
    WildberriesUploads uploads,
    TimeProvider time,
    IOptions<WildberriesOptions> options) : IMarketplaceClient
{
    /// <summary>The documented limit of <c>message</c> in <c>POST /api/v1/seller/message</c>.</summary>
    public const int MaxTextLength = 1000;

    public string Marketplace => "wildberries";

    public string Account => options.Value.Account;

    /// <summary>Files as <c>file</c> of the send takes them (JPEG, PNG, PDF, 5 MB each). No invitations to Telegram: Wildberries forbids moving buyers off the platform and fines sellers for it.</summary>
    public MarketplaceCapabilities Capabilities { get; } = new(MaxTextLength, InvitesAllowed: false, WildberriesUploads.Accepted);

    public async Task<MarketplaceBatch> FetchAsync(string? cursor, CancellationToken cancellationToken)
    {
        var next = cursor ?? (time.GetUtcNow() - options.Value.StartLookback).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var answer = await api.GetJsonAsync($"/api/v1/seller/events?next={Uri.EscapeDataString(next)}", cancellationToken);
        var result = WildberriesJson.Obj(answer, "result");
        var events = WildberriesJson.Array(result, "events").ToList();

        // A chat first met without a sign (its opening event came before the cursor): list the chats once for it.
        if (events.Any(e => WildberriesJson.Str(e, "chatID") is { } id && WildberriesJson.Str(e, "replySign") is null && chats.Find(id) is null))
        {
            await chats.RefreshAsync(cancellationToken);
        }

        var messages = new List<MarketplaceMessage>();
        var setAside = new List<MarketplaceSetAside>();
        foreach (var e in events)
        {
            var (message, aside) = mapper.Map(e, chats.Find);
            if (aside is not null)
            {
                setAside.Add(aside);
            }

            if (message is null)
            {
                continue;
            }

            if (message.ReplyContext is { } sign && WildberriesJson.Str(e, "replySign") is not null)
            {
                chats.Remember(message.ConversationId, sign);
            }

            if (message.Author == MarketplaceAuthor.Seller && message.Text.Length == 0 && message.ImageUrls.Count + message.Attachments.Count > 0
                && WildberriesJson.Str(e, "source") == "seller-public-api" && uploads.TakeSent(message.ConversationId) is { } reference)
            {
                message = message with { ImageUrls = [.. message.ImageUrls, reference] }; // lets the core match the echo of the bridge's photo or file
            }

            messages.Add(message);
        }

        var total = result.ValueKind == JsonValueKind.Object && result.TryGetProperty("totalEvents", out var t) && t.TryGetInt32(out var n) ? n : events.Count;
        var newCursor = WildberriesJson.Str(result, "next") is { Length: > 0 } given ? given : next;
        return new MarketplaceBatch(messages, newCursor, HasMore: total > 0 && newCursor != next, SetAside: setAside);
    }

    /// <summary>Keeps the photo for the send that posts it (<see cref="WildberriesUploads"/>): JPEG or PNG, at most 5 MB.</summary>
    public Task<string> UploadImageAsync(byte[] data, string fileName, CancellationToken cancellationToken) =>
        Task.FromResult(uploads.Add(data, fileName));

    /// <summary>Keeps a staff document (JPEG, PNG or PDF, at most 5 MB) for the send that posts it, as a photo.</summary>
    public Task<string> UploadFileAsync(byte[] data, string fileName, string contentType, CancellationToken cancellationToken) =>
        Task.FromResult(uploads.Add(data, fileName, "file"));

    /// <summary>Posts with the chat's <c>replySign</c>. A 400 is what a stale sign gets: the chats are listed again and
    /// the post tried once more when that gave a different sign. Never retried otherwise: the answer has no id, so a lost
    /// answer leaves the post's fate unknown.</summary>
    public async Task<MarketplaceSendResult> SendAsync(MarketplaceOutgoing message, CancellationToken cancellationToken)
    {
        (byte[] Data, string FileName, string ContentType)? file = null;
        if (message.ImageUrl is { } reference)
        {
            file = uploads.Find(reference) ?? throw new MarketplaceException(MarketplaceErrorKind.Rejected,
                "The photo or file was prepared before the bridge restarted and is no longer held: send it again.", MarketplaceException.UploadGone);
        }

        var sign = chats.Find(message.ConversationId)?.ReplySign ?? message.ReplyContext;
        if (sign is null)
        {
            await chats.RefreshAsync(cancellationToken);
            sign = chats.Find(message.ConversationId)?.ReplySign
                ?? throw new MarketplaceException(MarketplaceErrorKind.Rejected, $"Wildberries lists no chat {message.ConversationId} to answer in (it may have been closed).");
        }

        try
        {
            await poster.PostAsync(sign, message.Text, file, cancellationToken);
        }
        catch (MarketplaceException e) when (e.Code == "400")
        {
            await chats.RefreshAsync(cancellationToken);
            if (chats.Find(message.ConversationId)?.ReplySign is not { } fresh || fresh == sign)
            {
                throw;
            }

            await poster.PostAsync(fresh, message.Text, file, cancellationToken);
        }

        if (message.ImageUrl is { } sent)
        {
            uploads.Sent(sent, message.ConversationId);
        }

        return new MarketplaceSendResult(null);
    }

    /// <summary>Wildberries has no call to mark a chat read.</summary>
    public Task MarkReadAsync(string conversationId, ConversationKind kind, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Nor one to mark it processed: nothing is queued to mark a Wildberries chat.</summary>
    public bool MarksRead => false;

    public bool MarksProcessed => false;
}
