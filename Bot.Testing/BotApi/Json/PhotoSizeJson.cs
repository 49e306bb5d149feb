namespace Bot.Testing.BotApi.Json;

internal sealed record PhotoSizeJson(string FileId, string FileUniqueId, int Width, int Height, long? FileSize);
