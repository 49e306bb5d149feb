namespace Bot.Testing.Wildberries;

/// <summary>A file the fake serves at <c>/api/v1/seller/download/{id}</c>: 200 with the bytes, or 202 (in moderation) or 451 (failed moderation).</summary>
public sealed record FakeWbDownload(byte[] Data, string ContentType, int Status = 200);
