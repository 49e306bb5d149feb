namespace Bot.Testing.AliExpress;

/// <summary>What the bridge posted through <c>addmsg</c> or <c>leaveordermessage</c>.</summary>
public sealed record FakeSentMessage(
    string Method,
    string ChannelId,
    string? BuyerId,
    string? SellerId,
    string Content,
    string MessageType,
    string ExternId,
    string? ImgPath,
    string MessageId);
