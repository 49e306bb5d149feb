namespace Bot.Benchmarks.Infrastructure;

/// <summary>Runs an asynchronous simulation on one thread. Continuations come back here (the core does not use
/// ConfigureAwait(false)); HTTP calls are counted while in flight. When nothing is queued and nothing is in
/// flight, everything left is waiting for a timer, so the <see cref="SimulatedClock"/> jumps to the next one.
/// The result is deterministic up to the order of simultaneous events.</summary>
public sealed class SimulationPump(SimulatedClock clock) : SynchronizationContext, IDisposable
{
    private readonly Lock gate = new();
    private readonly Queue<(SendOrPostCallback Callback, object? State)> queue = new();
    private readonly SemaphoreSlim posted = new(0);
    private int inFlight;

    public void Dispose() => posted.Dispose();

    public override void Post(SendOrPostCallback d, object? state)
    {
        lock (gate)
        {
            queue.Enqueue((d, state));
        }

        posted.Release();
    }

    public override void Send(SendOrPostCallback d, object? state) => throw new NotSupportedException("The simulation runs on one thread.");

    public override SynchronizationContext CreateCopy() => this;

    /// <summary>Runs <paramref name="call"/> counted as in flight: the clock does not move until it has returned
    /// here (its continuation is queued on this pump, so the count drops only once the caller resumes).</summary>
    public async Task<T> TrackAsync<T>(Func<Task<T>> call)
    {
        Interlocked.Increment(ref inFlight);
        try
        {
            return await call();
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    }

    public void Run(Func<Task> body)
    {
        var previous = Current;
        SetSynchronizationContext(this);
        try
        {
            var task = body();
            while (true)
            {
                if (TryDequeue(out var work))
                {
                    work.Callback(work.State);
                    continue;
                }

                if (task.IsCompleted)
                {
                    break;
                }

                if (Volatile.Read(ref inFlight) == 0)
                {
                    if (!clock.AdvanceToNextTimer())
                    {
                        throw new InvalidOperationException("The simulation stalled: nothing to run, nothing in flight, no timer.");
                    }

                    continue;
                }

                if (!posted.Wait(TimeSpan.FromSeconds(60)))
                {
                    throw new TimeoutException("An HTTP call of the simulation took more than a minute of real time.");
                }
            }

            task.GetAwaiter().GetResult();
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
    }

    private bool TryDequeue(out (SendOrPostCallback Callback, object? State) work)
    {
        lock (gate)
        {
            return queue.TryDequeue(out work);
        }
    }
}
