namespace Bot.Tests.Fakes.Telegram;

public sealed record CallbackAnswer(string CallbackQueryId, string? Text, bool ShowAlert, DateTimeOffset At);
