using System.Text.Json;
using System.Text.Json.Nodes;
using Bot.Testing.BotApi.Json;

namespace Bot.Testing.BotApi;

/// <summary>
/// getUpdates semantics: increasing update ids, confirmation by offset, limit, long polling, allowed_updates,
/// 24-hour retention, and a newer getUpdates terminating a pending one with 409.
/// </summary>
internal sealed class UpdateQueue(TimeProvider time) : IDisposable
{
    public const string ConflictDescription = "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running";

    // Telegram leaves these out unless allowed_updates asks for them.
    private static readonly HashSet<string> OptIn = new(StringComparer.Ordinal) { "chat_member", "message_reaction", "message_reaction_count" };

    private readonly Lock _gate = new();
    private readonly List<PendingUpdate> _pending = [];
    private readonly CancellationTokenSource _stopping = new();
    private TaskCompletionSource _arrived = NewSignal();
    private TaskCompletionSource? _activePoll;
    private HashSet<string> _allowed = [];
    private long _nextUpdateId = 100_001;

    /// <summary>Queues an update (update_id added first) and returns its id, or null when allowed_updates filters it out.</summary>
    public long? Enqueue(JsonObject updateWithoutId)
    {
        var type = updateWithoutId.Select(p => p.Key).FirstOrDefault(k => k != "update_id") ?? string.Empty;
        lock (_gate)
        {
            if (_allowed.Count > 0 ? !_allowed.Contains(type) : OptIn.Contains(type))
            {
                return null;
            }

            var id = _nextUpdateId++;
            var update = new JsonObject { ["update_id"] = id };
            foreach (var (key, value) in updateWithoutId.ToList())
            {
                updateWithoutId.Remove(key);
                if (key != "update_id")
                {
                    update[key] = value;
                }
            }

            _pending.Add(new PendingUpdate(id, update, time.GetUtcNow()));
            _arrived.TrySetResult();
            _arrived = NewSignal();
            return id;
        }
    }

    /// <summary>Queues an update given as JSON text (without update_id), sent byte for byte: for input a JsonNode cannot
    /// carry, such as a lone surrogate escape. Returns its id, or null when allowed_updates filters it out.</summary>
    public long? EnqueueText(string updateJsonWithoutId)
    {
        using var document = JsonDocument.Parse(updateJsonWithoutId);
        var type = document.RootElement.ValueKind == JsonValueKind.Object
            ? document.RootElement.EnumerateObject().Select(p => p.Name).FirstOrDefault() ?? string.Empty
            : throw new JsonException("An update must be a JSON object.");
        lock (_gate)
        {
            if (_allowed.Count > 0 ? !_allowed.Contains(type) : OptIn.Contains(type))
            {
                return null;
            }

            var id = _nextUpdateId++;
            var rest = updateJsonWithoutId.Trim()[1..].TrimStart();
            var raw = rest.StartsWith('}') ? $"{{\"update_id\":{id}}}" : $"{{\"update_id\":{id},{rest}";
            _pending.Add(new PendingUpdate(id, new JsonObject { ["update_id"] = id }, time.GetUtcNow(), raw));
            _arrived.TrySetResult();
            _arrived = NewSignal();
            return id;
        }
    }

    public int PendingCount
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    public async Task<JsonArray> GetAsync(long offset, int limit, TimeSpan timeout, IReadOnlyList<string>? allowedUpdates, CancellationToken cancellationToken)
    {
        var terminated = NewSignal();
        lock (_gate)
        {
            _activePoll?.TrySetResult();
            _activePoll = terminated;
            Confirm(offset);
            if (allowedUpdates is not null)
            {
                _allowed = new HashSet<string>(allowedUpdates, StringComparer.Ordinal);
            }
        }

        try
        {
            // Long polling waits in real time even when the fake's clock is a FakeTimeProvider.
            var deadline = DateTimeOffset.UtcNow + timeout;
            while (true)
            {
                Task arrived;
                lock (_gate)
                {
                    if (terminated.Task.IsCompleted)
                    {
                        throw new BotApiException(409, ConflictDescription);
                    }

                    var batch = Take(limit);
                    var remaining = deadline - DateTimeOffset.UtcNow;
                    if (batch.Count > 0 || remaining <= TimeSpan.Zero || _stopping.IsCancellationRequested)
                    {
                        return batch;
                    }

                    arrived = _arrived.Task;
                }

                await WaitAsync(arrived, terminated.Task, deadline - DateTimeOffset.UtcNow, cancellationToken);
            }
        }
        finally
        {
            lock (_gate)
            {
                if (_activePoll == terminated)
                {
                    _activePoll = null;
                }
            }
        }
    }

    /// <summary>Ends all pending long polls (with an empty result) so the server can stop quickly.</summary>
    public void Stop() => _stopping.Cancel();

    public void Dispose() => _stopping.Dispose();

    private async Task WaitAsync(Task arrived, Task terminated, TimeSpan remaining, CancellationToken cancellationToken)
    {
        if (remaining <= TimeSpan.Zero)
        {
            return;
        }

        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
        var delay = Task.Delay(remaining, TimeProvider.System, wait.Token);
        await Task.WhenAny(arrived, terminated, delay);
        await wait.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>Like Telegram after a week without updates: the next update gets <paramref name="firstId"/> (Telegram
    /// picks it at random), typically far below the offset a bot has stored. Only an empty queue restarts.</summary>
    public void RestartIds(long firstId)
    {
        lock (_gate)
        {
            if (_pending.Count > 0)
            {
                throw new InvalidOperationException("Telegram restarts update ids only after a quiet week: confirm the pending updates first.");
            }

            _nextUpdateId = firstId;
        }
    }

    private void Confirm(long offset)
    {
        if (offset > 0)
        {
            // The Bot API server (td's TQueue) refuses an offset more than 10 above its next id, or 2,000,000 below
            // it, and answers from the start of its queue instead, confirming nothing: after restarted ids a bot's old,
            // higher offset still gets the new updates. Inside that window older updates are confirmed (dropped).
            if (offset > _nextUpdateId + 10 || offset < _nextUpdateId - 2_000_000)
            {
                return;
            }

            _pending.RemoveAll(u => u.UpdateId < offset);
        }
        else if (offset < 0)
        {
            var keep = (int)Math.Min(-offset, _pending.Count);
            _pending.RemoveRange(0, _pending.Count - keep);
        }
    }

    private JsonArray Take(int limit)
    {
        var expired = time.GetUtcNow() - TimeSpan.FromHours(24);
        _pending.RemoveAll(u => u.CreatedAt <= expired);
        return new JsonArray(_pending.Take(limit).Select(u => u.Raw is { } raw ? JsonValue.Create(new RawJsonText(raw)) : u.Json.DeepClone()).ToArray());
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
