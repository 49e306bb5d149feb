namespace Bot.Testing.BotApi.Json;

internal sealed record ForumTopicJson(int MessageThreadId, string Name, int IconColor, string? IconCustomEmojiId = null);
