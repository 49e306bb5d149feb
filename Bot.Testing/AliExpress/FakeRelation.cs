namespace Bot.Testing.AliExpress;

/// <summary>A conversation held by the fake: an order's comments (channel id = order id) or a message-center chat.</summary>
public sealed class FakeRelation(string channelId, string? orderId, string buyerLoginId, long buyerAliId, string buyerName)
{
    public string ChannelId { get; } = channelId;

    public string? OrderId { get; } = orderId;

    public string BuyerLoginId { get; } = buyerLoginId;

    public long BuyerAliId { get; } = buyerAliId;

    public string BuyerName { get; } = buyerName;

    public List<FakeMessage> Messages { get; } = [];

    /// <summary>Raw fields written over the fake's own in the relation row (for malformed or unusual payloads).</summary>
    public System.Text.Json.Nodes.JsonObject? RawFields { get; set; }

    public DateTimeOffset LastMessageTime => Messages.Count == 0 ? DateTimeOffset.MinValue : Messages.Max(m => m.GmtCreate);
}
