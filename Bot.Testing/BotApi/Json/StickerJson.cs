namespace Bot.Testing.BotApi.Json;

internal sealed record StickerJson(
    string FileId,
    string FileUniqueId,
    string Type,
    int Width,
    int Height,
    bool IsAnimated,
    bool IsVideo,
    string? Emoji);
