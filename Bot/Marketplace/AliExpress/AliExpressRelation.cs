using System.Text.Json;

namespace Bot.Marketplace.AliExpress;

/// <summary>One row of <c>querymsgrelationlist</c>: a conversation (channel) with one buyer.</summary>
internal sealed record AliExpressRelation(
    string ChannelId,
    string? OrderId,
    string? BuyerLoginId,
    string? BuyerAliId,
    string? BuyerName,
    long? MessageTimeMs,
    string? LastMessageId = null)
{
    public static AliExpressRelation? From(JsonElement row)
    {
        var channelId = IopJson.Str(row, "channel_id");
        if (string.IsNullOrEmpty(channelId))
        {
            return null;
        }

        var orderId = IopJson.Str(row, "order_id");
        return new AliExpressRelation(
            channelId,
            string.IsNullOrEmpty(orderId) || orderId == "0" ? null : orderId,
            IopJson.Str(row, "other_login_id"),
            IopJson.Str(row, "other_ali_id"),
            IopJson.Str(row, "other_name"),
            IopJson.Time(row, "message_time")?.ToUnixTimeMilliseconds(),
            IopJson.Str(row, "last_message_id"));
    }

    /// <summary>What the relation's row says about its latest message: when it changes, the relation has news.</summary>
    public string? Mark => MessageTimeMs is { } ms ? $"{ms}/{LastMessageId}" : null;

    /// <summary>Whether <paramref name="message"/> is the one this row names as its last (by id, or by time when the
    /// row names no id).</summary>
    public bool Names(Bot.Core.Marketplace.MarketplaceMessage message) => LastMessageId is { Length: > 0 } id
        ? message.MessageId == id
        : MessageTimeMs is { } ms && message.SentAt.ToUnixTimeMilliseconds() == ms;

    /// <summary>An order's comments: the channel id is the order id.</summary>
    public bool IsOrderChannel => OrderId is not null && OrderId == ChannelId;
}
