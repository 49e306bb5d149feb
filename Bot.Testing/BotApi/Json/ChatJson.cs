namespace Bot.Testing.BotApi.Json;

internal sealed record ChatJson(long Id, string Type, string? Title = null, string? FirstName = null, bool? IsForum = null);
