namespace Bot.Testing.BotApi;

/// <summary>Calls counted when they arrive, and logged with their outcome when answered.</summary>
internal sealed class RequestLog
{
    private readonly Dictionary<string, int> _arrived = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<ApiCall> _answered = [];
    private readonly Lock _gate = new();

    public void Arrived(string method)
    {
        lock (_gate)
        {
            _arrived[method] = _arrived.GetValueOrDefault(method) + 1;
        }
    }

    public void Answered(ApiCall call)
    {
        lock (_gate)
        {
            _answered.Add(call);
        }
    }

    public int CallCount(string method)
    {
        lock (_gate)
        {
            return _arrived.GetValueOrDefault(method);
        }
    }

    public IReadOnlyList<ApiCall> Snapshot()
    {
        lock (_gate)
        {
            return _answered.ToList();
        }
    }
}
