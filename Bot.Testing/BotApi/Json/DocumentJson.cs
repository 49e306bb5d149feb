namespace Bot.Testing.BotApi.Json;

internal sealed record DocumentJson(string FileId, string FileUniqueId, string? FileName, long? FileSize, string? MimeType = null);
