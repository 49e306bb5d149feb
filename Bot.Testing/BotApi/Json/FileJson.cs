namespace Bot.Testing.BotApi.Json;

internal sealed record FileJson(string FileId, string FileUniqueId, long? FileSize, string? FilePath);
