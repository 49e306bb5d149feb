namespace Bot.Testing.BotApi;

internal sealed record StoredFile(string FileId, string FileUniqueId, string FilePath, byte[] Bytes, string? SourceUrl = null);
