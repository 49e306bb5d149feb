namespace Bot.Marketplace.AliExpress;

/// <summary>What <c>addmsg</c> needs to answer in a conversation, stored by the core as <c>"{message_type}:{extern_id}"</c>,
/// e.g. <c>order:8123</c>, <c>product:1005001234</c>, <c>member:0</c>.</summary>
internal sealed record AliExpressReplyContext(string MessageType, string ExternId)
{
    public const string Order = "order";
    public const string Product = "product";
    public const string Member = "member";

    public static AliExpressReplyContext? TryParse(string? text)
    {
        var parts = text?.Split(':', 2);
        if (parts is not [var type, var externId] || externId.Length == 0)
        {
            return null;
        }

        return type is Order or Product or Member ? new AliExpressReplyContext(type, externId) : null;
    }

    public override string ToString() => $"{MessageType}:{ExternId}";
}
