namespace Bot.Testing.AliExpress;

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
    IReadOnlyList<string> Images)
{
    /// <summary>Raw fields written over the fake's own in the detail row (for malformed or unusual payloads).</summary>
    public System.Text.Json.Nodes.JsonObject? RawFields { get; init; }
}
