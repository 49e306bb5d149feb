namespace Bot.Benchmarks.Infrastructure;

/// <summary>Simulated time for the scheduling scenario: the clock stands still while anything can run and jumps to
/// the next timer only when the <see cref="SimulationPump"/> finds nothing else to do. Work and HTTP calls take no
/// simulated time, so a completion time measures scheduling alone, never the machine.</summary>
public sealed class SimulatedClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock gate = new();
    private readonly List<SimulatedTimer> timers = [];
    private DateTimeOffset now = start;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
        {
            return now;
        }
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new SimulatedTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves the clock to the earliest pending timer and fires every timer due by then.</summary>
    /// <returns>False when no timer is pending (nothing could ever wake up).</returns>
    public bool AdvanceToNextTimer()
    {
        List<SimulatedTimer> due;
        lock (gate)
        {
            if (timers.Count == 0)
            {
                return false;
            }

            var at = timers.Min(t => t.Due);
            if (at > now)
            {
                now = at;
            }

            due = timers.Where(t => t.Due <= now).ToList();
            timers.RemoveAll(t => t.Due <= now);
        }

        foreach (var timer in due)
        {
            timer.Fire();
        }

        return true;
    }

    internal void Schedule(SimulatedTimer timer, TimeSpan? dueIn)
    {
        lock (gate)
        {
            timers.Remove(timer);
            if (dueIn is { } delay)
            {
                timer.Due = now + (delay < TimeSpan.Zero ? TimeSpan.Zero : delay);
                timers.Add(timer);
            }
        }
    }
}
