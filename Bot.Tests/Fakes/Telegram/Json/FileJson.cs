namespace Bot.Tests.Fakes.Telegram.Json;

internal sealed record FileJson(string FileId, string FileUniqueId, long? FileSize, string? FilePath);
