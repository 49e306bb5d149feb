namespace Bot.Testing.Wildberries;

/// <summary>A file a post carried (<c>file</c> of the multipart form).</summary>
public sealed record FakeWbFile(string Name, string ContentType, byte[] Data);
