namespace Bot.Testing.BotApi;

/// <summary>Sliding-window limits per chat and overall. Not thread-safe: the caller holds the state lock.</summary>
internal sealed class RateLimiter(FakeTelegramOptions options)
{
    private readonly Dictionary<long, Queue<DateTimeOffset>> _perChat = [];
    private readonly Queue<DateTimeOffset> _global = new();

    public int RejectedCount { get; private set; }

    /// <summary>Takes a slot for a call to <paramref name="chatId"/>, or throws 429 with retry_after and takes nothing.</summary>
    public void Acquire(long chatId, bool isPrivate, DateTimeOffset now)
    {
        if (!options.RateLimitsEnabled)
        {
            return;
        }

        var chatLimit = isPrivate ? options.PrivateChatLimit : options.GroupChatLimit;
        if (!_perChat.TryGetValue(chatId, out var chatWindow))
        {
            chatWindow = new Queue<DateTimeOffset>();
            _perChat[chatId] = chatWindow;
        }

        var wait = Max(WaitFor(chatWindow, chatLimit, now), WaitFor(_global, options.GlobalLimit, now));
        if (wait > TimeSpan.Zero)
        {
            RejectedCount++;
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            throw new BotApiException(429, $"Too Many Requests: retry after {seconds}", seconds);
        }

        chatWindow.Enqueue(now);
        _global.Enqueue(now);
    }

    private static TimeSpan WaitFor(Queue<DateTimeOffset> window, RateLimit limit, DateTimeOffset now)
    {
        while (window.Count > 0 && window.Peek() + limit.Window <= now)
        {
            window.Dequeue();
        }

        if (window.Count < limit.Count)
        {
            return TimeSpan.Zero;
        }

        // The call fits once enough of the oldest calls have left the window.
        var mustExpire = window.ElementAt(window.Count - limit.Count);
        return mustExpire + limit.Window - now;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
