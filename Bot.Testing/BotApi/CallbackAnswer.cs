namespace Bot.Testing.BotApi;

public sealed record CallbackAnswer(string CallbackQueryId, string? Text, bool ShowAlert, DateTimeOffset At);
