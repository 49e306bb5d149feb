namespace Bot.Testing.BotApi;

/// <summary>One request the fake answered: method, target chat (if any), time and HTTP status (0 when the connection was aborted).</summary>
public sealed record ApiCall(string Method, long? ChatId, DateTimeOffset At, int StatusCode);
