namespace Bot.Tests.Fakes.Telegram.Json;

internal sealed record ForumTopicCreatedJson(string Name, int IconColor);
