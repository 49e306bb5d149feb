namespace Bot.Testing.BotApi.Json;

internal sealed record ForumTopicCreatedJson(string Name, int IconColor);
