namespace Bot.Testing.BotApi.Json;

internal sealed record CallbackQueryJson(string Id, UserJson From, MessageJson Message, string ChatInstance, string? Data);
