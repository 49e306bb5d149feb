using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bot.Testing.BotApi;

/// <summary>
/// getUpdates semantics: increasing update ids, confirmation by offset, limit, long polling, allowed_updates,
/// 24-hour retention, and a newer getUpdates terminating a pending one with 409.
/// </summary>
internal sealed class UpdateQueue(TimeProvider time) : IDisposable
{
    public const string ConflictDescription = "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running";

    private readonly Lock _gate = new();
    private readonly UpdateBacklog _backlog = new(time);
    private readonly CancellationTokenSource _stopping = new();
    private TaskCompletionSource _arrived = NewSignal();
    private TaskCompletionSource? _activePoll;

    /// <summary>Queues an update (update_id added first) and returns its id, or null when allowed_updates filters it out.</summary>
    public long? Enqueue(JsonObject updateWithoutId)
    {
        var type = updateWithoutId.Select(p => p.Key).FirstOrDefault(k => k != "update_id") ?? string.Empty;
        return Add(type, id =>
        {
            var update = new JsonObject { ["update_id"] = id };
            foreach (var (key, value) in updateWithoutId.ToList())
            {
                updateWithoutId.Remove(key);
                if (key != "update_id")
                {
                    update[key] = value;
                }
            }

            return new PendingUpdate(id, update, time.GetUtcNow());
        });
    }

    /// <summary>Queues an update given as JSON text (without update_id), sent byte for byte: for input a JsonNode cannot
    /// carry, such as a lone surrogate escape. Returns its id, or null when allowed_updates filters it out.</summary>
    public long? EnqueueText(string updateJsonWithoutId)
    {
        using var document = JsonDocument.Parse(updateJsonWithoutId);
        var type = document.RootElement.ValueKind == JsonValueKind.Object
            ? document.RootElement.EnumerateObject().Select(p => p.Name).FirstOrDefault() ?? string.Empty
            : throw new JsonException("An update must be a JSON object.");
        var rest = updateJsonWithoutId.Trim()[1..].TrimStart();
        return Add(type, id => new PendingUpdate(
            id,
            new JsonObject { ["update_id"] = id },
            time.GetUtcNow(),
            rest.StartsWith('}') ? $"{{\"update_id\":{id}}}" : $"{{\"update_id\":{id},{rest}"));
    }

    public int PendingCount
    {
        get
        {
            lock (_gate)
            {
                return _backlog.Count;
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
            _backlog.Confirm(offset);
            if (allowedUpdates is not null)
            {
                _backlog.Allow(allowedUpdates);
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

                    var batch = _backlog.Take(limit);
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

    /// <summary>See <see cref="UpdateBacklog.RestartIds"/>.</summary>
    public void RestartIds(long firstId)
    {
        lock (_gate)
        {
            _backlog.RestartIds(firstId);
        }
    }

    private long? Add(string type, Func<long, PendingUpdate> make)
    {
        lock (_gate)
        {
            var id = _backlog.Add(type, make);
            if (id is not null)
            {
                _arrived.TrySetResult();
                _arrived = NewSignal();
            }

            return id;
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
