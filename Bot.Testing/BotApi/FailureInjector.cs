namespace Bot.Testing.BotApi;

/// <summary>Failures planned by the test for the next calls of a method, taken in order.</summary>
internal sealed class FailureInjector
{
    private readonly Dictionary<string, Queue<InjectedFailure>> _planned = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, InjectedFailure> _refusedChats = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Every call aimed at <paramref name="chatId"/> fails this way until <see cref="Clear"/>.</summary>
    public void RefuseChat(string chatId, InjectedFailure failure)
    {
        lock (_gate)
        {
            _refusedChats[chatId] = failure;
        }
    }

    public InjectedFailure? RefusalFor(string? chatId)
    {
        lock (_gate)
        {
            return chatId is not null && _refusedChats.TryGetValue(chatId, out var failure) ? failure : null;
        }
    }

    public void Plan(string method, InjectedFailure failure, int count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        lock (_gate)
        {
            if (!_planned.TryGetValue(method, out var queue))
            {
                queue = new Queue<InjectedFailure>();
                _planned[method] = queue;
            }

            for (var i = 0; i < count; i++)
            {
                queue.Enqueue(failure);
            }
        }
    }

    /// <summary>Drops every failure still planned (the outage is over).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _planned.Clear();
            _refusedChats.Clear();
        }
    }

    public InjectedFailure? TakeNext(string method)
    {
        lock (_gate)
        {
            return _planned.TryGetValue(method, out var queue) && queue.TryDequeue(out var failure) ? failure : null;
        }
    }
}
