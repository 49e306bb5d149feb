namespace Bot.Tests.Fakes.Telegram;

/// <summary>Failures planned by the test for the next calls of a method, taken in order.</summary>
internal sealed class FailureInjector
{
    private readonly Dictionary<string, Queue<InjectedFailure>> _planned = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _gate = new();

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

    public void Clear()
    {
        lock (_gate)
        {
            _planned.Clear();
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
