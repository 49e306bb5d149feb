using Bot.Testing.BotApi.Json;

namespace Bot.Testing.BotApi;

/// <summary>Everything the fake Telegram knows. Chats, messages and limits are guarded by <see cref="Gate"/>.</summary>
internal sealed class FakeTelegramState(FakeTelegramOptions options)
{
    private readonly Dictionary<long, FakeChat> _chats = [];
    private readonly Dictionary<long, UserJson> _users = [];

    public Lock Gate { get; } = new();

    public FakeTelegramOptions Options { get; } = options;

    public UserJson Bot { get; } = new(options.BotUserId, true, options.BotFirstName, options.BotUsername);

    public FileStore Files { get; } = new();

    public UpdateQueue Updates { get; } = new(options.TimeProvider);

    public RateLimiter Limiter { get; } = new(options);

    public Dictionary<string, CallbackAnswer?> Callbacks { get; } = new(StringComparer.Ordinal);

    public DateTimeOffset Now => Options.TimeProvider.GetUtcNow();

    public void AddChat(FakeChat chat)
    {
        lock (Gate)
        {
            _chats[chat.Id] = chat;
        }
    }

    public FakeChat? FindChat(long chatId)
    {
        lock (Gate)
        {
            return _chats.GetValueOrDefault(chatId);
        }
    }

    /// <summary>The chat named by chat_id, or 400 "chat not found" like Telegram.</summary>
    public FakeChat RequireChat(BotApiRequest request)
    {
        var raw = request.String("chat_id");
        if (string.IsNullOrEmpty(raw))
        {
            throw BotApiException.BadRequest("chat_id is empty");
        }

        return long.TryParse(raw, out var id) && FindChat(id) is FakeChat chat
            ? chat
            : throw BotApiException.BadRequest("chat not found");
    }

    public FakeChat RequireChat(long chatId) =>
        FindChat(chatId) ?? throw new ArgumentException($"Chat {chatId} is not registered with the fake Telegram.", nameof(chatId));

    public UserJson RememberUser(long userId, string firstName, string? languageCode)
    {
        lock (Gate)
        {
            var user = new UserJson(userId, false, firstName, LanguageCode: languageCode);
            _users[userId] = user;
            return user;
        }
    }

    public UserJson? FindUser(long userId)
    {
        lock (Gate)
        {
            return userId == Bot.Id ? Bot : _users.GetValueOrDefault(userId);
        }
    }

    /// <summary>Counts a sending call against the rate limits when the method is limited; throws 429 when over.</summary>
    public void Throttle(string method, FakeChat chat)
    {
        if (Options.RateLimitedMethods.Contains(method))
        {
            Limiter.Acquire(chat.Id, chat.IsPrivate, Now);
        }
    }
}
