namespace Bot.Tests.Fakes.AliExpress;

/// <summary>One message in a fake relation.</summary>
public sealed record FakeMessage(
    long Id,
    DateTimeOffset GmtCreate,
    string SenderLoginId,
    long SenderAliId,
    string SenderName,
    string Content,
    string MessageType,
    string ExternId,
    IReadOnlyList<string> Images);
