using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Bot.Core.Conversations;
using Bot.Core.Marketplace;
using Microsoft.Extensions.Options;

namespace Bot.Marketplace.Wildberries;

/// <summary>Turns one event of <c>GET /api/v1/seller/events</c> into a message. <c>sender</c> is <c>client</c> (the
/// buyer), <c>seller</c> (the store: the seller portal or this bridge) or <c>wb</c> (Wildberries itself, not relayed);
/// <c>eventID</c> is the de-duplication key and <c>chatID</c> the conversation. There is no stable buyer id, so the
/// chat stands for the buyer. Every chat is about a purchase: each is an order conversation.</summary>
internal sealed class WildberriesEventMapper(IOptions<WildberriesOptions> options)
{
    /// <summary>The message, null for an event the bridge does not relay, or a set-aside item for one it cannot read.</summary>
    public (MarketplaceMessage? Message, MarketplaceSetAside? SetAside) Map(JsonElement e, Func<string, WildberriesChat?> chat)
    {
        var type = WildberriesJson.Str(e, "eventType");
        var sender = WildberriesJson.Str(e, "sender");
        if (type is not null && type != "message")
        {
            return (null, null);
        }

        var author = sender switch
        {
            "client" => MarketplaceAuthor.Buyer,
            "seller" => MarketplaceAuthor.Seller,
            _ => (MarketplaceAuthor?)null,
        };
        if (author is null)
        {
            return (null, null);
        }

        var chatId = WildberriesJson.Str(e, "chatID");
        var eventId = WildberriesJson.Str(e, "eventID");
        var sentAt = SentAt(e);
        if (string.IsNullOrEmpty(chatId) || string.IsNullOrEmpty(eventId) || sentAt is null)
        {
            var raw = e.GetRawText();
            var reason = string.IsNullOrEmpty(chatId) ? "no chatID" : string.IsNullOrEmpty(eventId) ? "no eventID" : "no readable addTime or addTimestamp";
            return (null, new MarketplaceSetAside(chatId ?? "", eventId is { Length: > 0 } ? eventId : Digest(raw), reason, raw.Length > 500 ? raw[..500] : raw));
        }

        var message = WildberriesJson.Obj(e, "message");
        var attachments = WildberriesJson.Obj(message, "attachments");
        var known = chat(chatId);
        var text = new StringBuilder(WildberriesJson.Str(message, "text") ?? "");
        var images = new List<string>();
        var files = new List<MarketplaceFile>();
        foreach (var image in WildberriesJson.Array(attachments, "images"))
        {
            if (WildberriesJson.Str(image, "downloadID") is { Length: > 0 } id)
            {
                images.Add(DownloadUrl(id));
            }
        }

        foreach (var file in WildberriesJson.Array(attachments, "files"))
        {
            var id = WildberriesJson.Str(file, "downloadID");
            var contentType = WildberriesJson.Str(file, "contentType") ?? "";
            var name = WildberriesJson.Str(file, "name") is { Length: > 0 } given ? given : "file";
            if (id is { Length: > 0 } && contentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase))
            {
                images.Add(DownloadUrl(id));
            }
            else if (id is { Length: > 0 })
            {
                // Other files (PDFs) are downloaded with the token too, and shown to staff as documents.
                files.Add(new MarketplaceFile(DownloadUrl(id), name, contentType.Length > 0 ? contentType : null,
                    file.TryGetProperty("size", out var size) && size.TryGetInt64(out var bytes) && bytes > 0 ? bytes : null));
            }
            else
            {
                text.Append(text.Length > 0 ? "\n" : "").Append(CultureInfo.InvariantCulture, $"📎 {name}: open it in the seller portal");
            }
        }

        var sign = WildberriesJson.Str(e, "replySign") ?? known?.ReplySign;
        return (new MarketplaceMessage(
            eventId, chatId, ConversationKind.Order, author.Value, chatId,
            WildberriesJson.Str(e, "clientName") is { Length: > 0 } client ? client : known?.ClientName,
            text.ToString(), images, sentAt.Value,
            WildberriesCard.From(attachments) ?? known?.Card,
            sign, files), null);
    }

    /// <summary>The authenticated download of an attachment; <see cref="WildberriesMediaFetcher"/> fetches it with the token.</summary>
    public string DownloadUrl(string downloadId) => $"{options.Value.BaseUrl.TrimEnd('/')}{WildberriesMediaFetcher.DownloadPath}{Uri.EscapeDataString(downloadId)}";

    /// <summary><c>addTime</c> (UTC), else <c>addTimestamp</c>, documented only as "Unix timestamp": milliseconds in
    /// practice, seconds when it is too small to be milliseconds.</summary>
    private static DateTimeOffset? SentAt(JsonElement e)
    {
        if (WildberriesJson.Str(e, "addTime") is { } text
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            return at;
        }

        if (e.TryGetProperty("addTimestamp", out var stamp) && stamp.TryGetInt64(out var value) && value > 0 && value < 100_000_000_000_000)
        {
            return value > 100_000_000_000 ? DateTimeOffset.FromUnixTimeMilliseconds(value) : DateTimeOffset.FromUnixTimeSeconds(value);
        }

        return null;
    }

    private static string Digest(string raw) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(raw)))[..16];
}
