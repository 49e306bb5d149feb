using Bot.Core.Leases;
using Microsoft.Extensions.Options;

namespace Bot.Core.Chat;

/// <summary>Sliding-window budgets per chat and overall, so the bridge never sends faster than Telegram accepts.
/// A sliding log (not a token bucket) guarantees that no window of the limit's length ever holds more sends than
/// allowed, which is how a 429 is earned. Telegram's overall budget is the bot's, whichever instance sends: with several
/// live instances (<see cref="LiveInstances"/>) each keeps to an equal share of it (at least one a second), while a
/// chat's own budget is spent by the one instance that claimed the chat.</summary>
public sealed class ChatRateLimiter(IOptions<ChatRateOptions> options, TimeProvider time, LiveInstances? instances = null)
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private readonly Lock gate = new();
    private readonly Dictionary<long, SendLog> chats = [];
    private readonly Dictionary<long, DateTimeOffset> blockedUntil = [];
    private readonly SendLog global = new();

    /// <summary>How long until one more send to <paramref name="chatId"/> fits the budgets (zero: now).</summary>
    public TimeSpan DelayFor(long chatId)
    {
        lock (gate)
        {
            return DelayLocked(chatId, time.GetUtcNow());
        }
    }

    /// <summary>The most sends the chat's own window ever allows (its per-chat limit, capped by the global one).</summary>
    public int CapacityOf(long chatId)
    {
        var o = options.Value;
        return Math.Min(ChatLimits.IsGroup(chatId) ? o.GroupPerMinute : o.PrivatePerSecond, Global(o));
    }

    /// <summary>How many more sends to <paramref name="chatId"/> fit the budgets right now (zero while it must wait).</summary>
    public int RoomFor(long chatId)
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            if (DelayLocked(chatId, now) > TimeSpan.Zero)
            {
                return 0;
            }

            var o = options.Value;
            var perChat = (ChatLimits.IsGroup(chatId) ? o.GroupPerMinute : o.PrivatePerSecond) - ChatLog(chatId).Count;
            return Math.Max(0, Math.Min(perChat, Global(o) - global.Count));
        }
    }

    /// <summary>How many more sends to any chat fit the overall budget right now.</summary>
    public int GlobalRoom()
    {
        lock (gate)
        {
            var limit = Global(options.Value);
            return global.DelayFor(time.GetUtcNow(), limit, Second) > TimeSpan.Zero ? 0 : limit - global.Count;
        }
    }

    /// <summary>How many sends to the chat are inside its window now (how busy its budget is).</summary>
    public int SentInWindow(long chatId)
    {
        lock (gate)
        {
            DelayLocked(chatId, time.GetUtcNow()); // drops the sends that left the window
            return ChatLog(chatId).Count;
        }
    }

    /// <summary>Waits for a slot and takes it. Callers hold no other resource while waiting.</summary>
    public async Task AcquireAsync(long chatId, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan delay;
            lock (gate)
            {
                var now = time.GetUtcNow();
                delay = DelayLocked(chatId, now);
                if (delay <= TimeSpan.Zero)
                {
                    global.Add(now);
                    ChatLog(chatId).Add(now);
                    return;
                }
            }

            await Task.Delay(delay, time, cancellationToken);
        }
    }

    /// <summary>Telegram answered 429 for this chat: nothing more goes there until the time it gave.</summary>
    public void Block(long chatId, TimeSpan retryAfter)
    {
        lock (gate)
        {
            var until = time.GetUtcNow() + retryAfter;
            if (!blockedUntil.TryGetValue(chatId, out var current) || current < until)
            {
                blockedUntil[chatId] = until;
            }
        }
    }

    private TimeSpan DelayLocked(long chatId, DateTimeOffset now)
    {
        var o = options.Value;
        var delay = global.DelayFor(now, Global(o), Second);
        var perChat = ChatLimits.IsGroup(chatId)
            ? ChatLog(chatId).DelayFor(now, o.GroupPerMinute, Minute)
            : ChatLog(chatId).DelayFor(now, o.PrivatePerSecond, Second);
        if (perChat > delay)
        {
            delay = perChat;
        }

        if (blockedUntil.TryGetValue(chatId, out var until) && until - now > delay)
        {
            delay = until - now;
        }

        return delay;
    }

    private int Global(ChatRateOptions o) => Math.Max(1, o.GlobalPerSecond / Math.Max(1, instances?.Count ?? 1));

    private SendLog ChatLog(long chatId)
    {
        if (!chats.TryGetValue(chatId, out var log))
        {
            log = new SendLog();
            chats[chatId] = log;
        }

        return log;
    }

    /// <summary>The times of recent sends, oldest first.</summary>
    private sealed class SendLog
    {
        private readonly Queue<DateTimeOffset> sends = new();

        /// <summary>Sends still inside the window as of the last <see cref="DelayFor"/>.</summary>
        public int Count => sends.Count;

        public void Add(DateTimeOffset at) => sends.Enqueue(at);

        public TimeSpan DelayFor(DateTimeOffset now, int limit, TimeSpan window)
        {
            while (sends.Count > 0 && sends.Peek() <= now - window)
            {
                sends.Dequeue();
            }

            // With `limit` sends inside the window, the next one fits once the oldest has left it.
            return sends.Count < limit ? TimeSpan.Zero : sends.Peek() + window - now;
        }
    }
}
