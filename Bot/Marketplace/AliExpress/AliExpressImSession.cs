using System.Globalization;
using System.Text.Json;

namespace Bot.Marketplace.AliExpress;

/// <summary>One row of <c>aliexpress/message/history/buyer/list</c>: a buyer who chatted with the store.</summary>
/// <remarks>The SDK types this answer as an untyped map (reference 3.3): the field names read here are INFERRED from
/// the request's paging fields and the message DTO, and several spellings are accepted.</remarks>
internal sealed record AliExpressImSession(string BuyerId, string? BuyerName, string? BuyerLoginId, long? LastTimeMs, string? LastMessageId)
{
    public static AliExpressImSession? From(JsonElement row)
    {
        var buyerId = IopJson.Str(row, "buyer_id") ?? IopJson.Str(row, "other_account_id");
        if (string.IsNullOrEmpty(buyerId))
        {
            return null;
        }

        return new AliExpressImSession(
            buyerId,
            IopJson.Str(row, "buyer_name") ?? IopJson.Str(row, "buyer_nick") ?? IopJson.Str(row, "nick"),
            IopJson.Str(row, "buyer_login_id"),
            (IopJson.Time(row, "last_message_time") ?? IopJson.Time(row, "last_send_time") ?? IopJson.Time(row, "send_time") ?? IopJson.Time(row, "gmt_modified"))
                ?.ToUnixTimeMilliseconds(),
            IopJson.Str(row, "last_message_id"));
    }

    /// <summary>What the row says about the latest message: when it changes, the conversation has news.</summary>
    public string? Mark => LastTimeMs is { } ms ? $"{ms.ToString(CultureInfo.InvariantCulture)}/{LastMessageId}" : null;

    /// <summary>Whether <paramref name="message"/> is the one this row names as its last.</summary>
    public bool Names(Bot.Core.Marketplace.MarketplaceMessage message) => LastMessageId is { Length: > 0 } id
        ? message.MessageId == id
        : LastTimeMs is { } ms && message.SentAt.ToUnixTimeMilliseconds() == ms;

    public static long MarkTime(string mark) =>
        long.TryParse(mark.AsSpan(0, Math.Max(0, mark.IndexOf('/', StringComparison.Ordinal))), NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms)
            ? ms : long.MinValue;
}
