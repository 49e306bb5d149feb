namespace Bot.Testing.Wildberries;

/// <summary>A file the fake serves at <c>/api/v1/seller/download/{id}</c>: 200 with the bytes, or 202 (in moderation) or 451 (failed moderation).</summary>
public sealed record FakeWbDownload(byte[] Data, string ContentType, int Status = 200);

/// <summary>A file a post carried (<c>file</c> of the multipart form).</summary>
public sealed record FakeWbFile(string Name, string ContentType, byte[] Data);

/// <summary>A post the fake accepted from <c>POST /api/v1/seller/message</c>.</summary>
public sealed record FakeWbSent(string ChatId, string ReplySign, string Text, IReadOnlyList<FakeWbFile> Files);
