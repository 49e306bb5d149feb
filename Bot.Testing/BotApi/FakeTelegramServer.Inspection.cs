namespace Bot.Testing.BotApi;

public sealed partial class FakeTelegramServer
{
    /// <summary>Number of calls of a method received so far (counted on arrival, whatever the outcome).</summary>
    public int CallCount(string method) => _log.CallCount(method);

    /// <summary>Calls answered so far, in order, with chat id, time (fake clock) and HTTP status.</summary>
    public IReadOnlyList<ApiCall> Requests => _log.Snapshot();

    /// <summary>How many calls the rate limiter refused with 429 (injected 429s not included).</summary>
    public int RateLimitedCount
    {
        get
        {
            lock (_state.Gate)
            {
                return _state.Limiter.RejectedCount;
            }
        }
    }

    /// <summary>Updates queued and not yet confirmed by an offset.</summary>
    public int PendingUpdateCount => _state.Updates.PendingCount;

    /// <summary>The bot's messages in a chat (optionally one topic) in the order sent, as received by the fake.</summary>
    public IReadOnlyList<SentMessage> SentTo(long chatId, int? threadId = null)
    {
        lock (_state.Gate)
        {
            return _state.RequireChat(chatId).Sent
                .Where(m => threadId is null || m.ThreadId == threadId)
                .Select(m => m.ToSentMessage())
                .ToList();
        }
    }

    public IReadOnlyList<TopicInfo> Topics(long chatId)
    {
        lock (_state.Gate)
        {
            return _state.RequireChat(chatId).Topics.Values.OrderBy(t => t.ThreadId).Select(t => t.ToInfo()).ToList();
        }
    }

    /// <summary>The reactions currently set on a message (empty when none or the message is gone).</summary>
    public IReadOnlyList<string> Reactions(long chatId, int messageId)
    {
        lock (_state.Gate)
        {
            return _state.RequireChat(chatId).Messages.TryGetValue(messageId, out var message) ? message.Reactions.ToList() : [];
        }
    }

    public IReadOnlyList<CallbackAnswer> CallbackAnswers
    {
        get
        {
            lock (_state.Gate)
            {
                return _state.Callbacks.Values.OfType<CallbackAnswer>().OrderBy(a => a.At).ToList();
            }
        }
    }
}
