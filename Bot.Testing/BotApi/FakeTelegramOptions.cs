namespace Bot.Testing.BotApi;

public sealed class FakeTelegramOptions
{
    /// <summary>Clock for message dates, rate limits and recorded times. Long polling and injected delays use real time.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    public long BotUserId { get; init; } = 123456;

    public string BotUsername { get; init; } = "fake_bridge_bot";

    public string BotFirstName { get; init; } = "Fake Bridge Bot";

    public bool RateLimitsEnabled { get; init; } = true;

    /// <summary>The bot has topic mode in private chats (Bot API 9.3+): getMe says so, and the bot may create topics in
    /// private chats registered afterwards.</summary>
    public bool PrivateChatTopics { get; init; }

    public RateLimit PrivateChatLimit { get; init; } = new(1, TimeSpan.FromSeconds(1));

    /// <summary>Shared by all topics of a group or supergroup.</summary>
    public RateLimit GroupChatLimit { get; init; } = new(20, TimeSpan.FromMinutes(1));

    public RateLimit GlobalLimit { get; init; } = new(30, TimeSpan.FromSeconds(1));

    /// <summary>Methods that count against the rate limits (case-insensitive).</summary>
    public IReadOnlySet<string> RateLimitedMethods { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "sendMessage", "sendPhoto", "sendDocument", "sendMediaGroup", "copyMessage", "forwardMessage", "createForumTopic",
    };

    /// <summary>
    /// Telegram (tdlib) keeps an "&amp;" that starts no entity as a literal. The fake rejects it by default,
    /// so that text which was not escaped fails loudly in tests.
    /// </summary>
    public bool RejectBareAmpersand { get; init; } = true;
}
