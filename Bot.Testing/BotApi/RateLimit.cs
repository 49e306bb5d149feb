namespace Bot.Testing.BotApi;

/// <summary>At most <paramref name="Count"/> calls in any sliding <paramref name="Window"/>.</summary>
public readonly record struct RateLimit(int Count, TimeSpan Window);
