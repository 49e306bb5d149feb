namespace Bot.Testing.Wildberries;

/// <summary>A post the fake accepted from <c>POST /api/v1/seller/message</c>.</summary>
public sealed record FakeWbSent(string ChatId, string ReplySign, string Text, IReadOnlyList<FakeWbFile> Files);
