using System.Collections.Concurrent;

namespace Bot.Core.Workflow;

/// <summary>First-response times observed since the last scrape, handed to the host's metrics (a histogram), and the
/// percentiles people read.</summary>
public sealed class FirstResponseTimes
{
    private readonly ConcurrentQueue<TimeSpan> observed = new();

    public void Record(TimeSpan firstResponse) => observed.Enqueue(firstResponse);

    /// <summary>Takes the observations recorded since the last call.</summary>
    public IReadOnlyList<TimeSpan> Drain()
    {
        var taken = new List<TimeSpan>();
        while (observed.TryDequeue(out var value))
        {
            taken.Add(value);
        }

        return taken;
    }

    /// <summary>The p-th percentile (0..100, nearest rank) of the values, or null when there are none.</summary>
    public static TimeSpan? Percentile(IReadOnlyCollection<TimeSpan> values, int p)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
