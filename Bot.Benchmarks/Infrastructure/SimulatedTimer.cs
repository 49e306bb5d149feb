namespace Bot.Benchmarks.Infrastructure;

/// <summary>A timer of the <see cref="SimulatedClock"/>: fires when the clock reaches it, never by itself.</summary>
internal sealed class SimulatedTimer(SimulatedClock clock, TimerCallback callback, object? state) : ITimer
{
    private TimeSpan period = Timeout.InfiniteTimeSpan;

    public DateTimeOffset Due { get; set; }

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        this.period = period;
        clock.Schedule(this, dueTime == Timeout.InfiniteTimeSpan ? null : dueTime);
        return true;
    }

    public void Fire()
    {
        callback(state);
        if (period != Timeout.InfiniteTimeSpan && period > TimeSpan.Zero)
        {
            clock.Schedule(this, period);
        }
    }

    public void Dispose() => clock.Schedule(this, null);

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
