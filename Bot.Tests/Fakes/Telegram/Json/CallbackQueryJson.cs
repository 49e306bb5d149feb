namespace Bot.Tests.Fakes.Telegram.Json;

internal sealed record CallbackQueryJson(string Id, UserJson From, MessageJson Message, string ChatInstance, string? Data);
