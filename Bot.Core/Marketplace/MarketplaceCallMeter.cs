namespace Bot.Core.Marketplace;

/// <summary>Counts the calls an adapter makes to the marketplace's gateway in the current UTC day, and projects the
/// day's total at the pace of the last hour. Thread-safe.</summary>
/// <remarks>The count starts at zero on each start, plus the day's calls saved before it (<see cref="Restore"/>). No projection is made before an hour has been watched: the first
/// poll after a start catches up on a whole lookback and would make any shorter pace misleading.</remarks>
public sealed class MarketplaceCallMeter(TimeProvider time)
{
    private static readonly TimeSpan PaceWindow = TimeSpan.FromHours(1);

    private readonly Lock gate = new();
    private readonly DateTimeOffset startedAt = time.GetUtcNow();
    private readonly Dictionary<long, int> minutes = [];
    private DateOnly day = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
    private long today;

    public void Count()
    {
        var now = time.GetUtcNow();
        var minute = now.ToUnixTimeSeconds() / 60;
        lock (gate)
        {
            Roll(now);
            today++;
            minutes[minute] = minutes.GetValueOrDefault(minute) + 1;
        }
    }

    /// <summary>Adds the calls counted on <paramref name="savedDay"/> before a restart, when that day is today.</summary>
    public void Restore(DateOnly savedDay, long calls)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            Roll(now);
            if (savedDay == day)
            {
                today += calls;
            }
        }
    }

    /// <summary>The current UTC day and its calls so far, to save.</summary>
    public (DateOnly Day, long Calls) Snapshot()
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            Roll(now);
            return (day, today);
        }
    }

    /// <summary>Calls so far today (UTC), and the day's projected total, or null while less than an hour was watched.</summary>
    public (long Today, long? Projected) Read()
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            Roll(now);
            if (now - startedAt < PaceWindow)
            {
                return (today, null);
            }

            var lastHour = minutes.Values.Sum();
            var endOfDay = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(1);
            var left = (endOfDay - now) / PaceWindow;
            return (today, today + (long)Math.Ceiling(lastHour * left));
        }
    }

    private void Roll(DateTimeOffset now)
    {
        var current = DateOnly.FromDateTime(now.UtcDateTime);
        if (current != day)
        {
            day = current;
            today = 0;
        }

        var oldest = (now - PaceWindow).ToUnixTimeSeconds() / 60;
        foreach (var old in minutes.Keys.Where(m => m < oldest).ToList())
        {
            minutes.Remove(old);
        }
    }
}
