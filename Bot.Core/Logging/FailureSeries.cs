namespace Bot.Core.Logging;

/// <summary>Decides which failures of one repeating kind (getUpdates, deliveries) get a log line of their own: the
/// first of a series, then one summary per <see cref="Window"/> ("12 failures in the last 1 min"), and a line when it
/// works again. The others are logged at Debug only. Thread-safe.</summary>
public sealed class FailureSeries(TimeProvider time)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly Lock gate = new();
    private DateTimeOffset? since;
    private DateTimeOffset windowStart;
    private int inWindow;
    private int total;

    public FailureTally Failed()
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            total++;
            if (since is null)
            {
                since = windowStart = now;
                inWindow = 0;
                return new FailureTally(FailureLine.First, 1, TimeSpan.Zero);
            }

            inWindow++;
            if (now - windowStart < Window)
            {
                return new FailureTally(FailureLine.None, inWindow, now - windowStart);
            }

            var summary = new FailureTally(FailureLine.Summary, inWindow, now - windowStart);
            windowStart = now;
            inWindow = 0;
            return summary;
        }
    }

    /// <returns>The whole series (failures and how long it lasted) when one was running; otherwise null.</returns>
    public FailureTally? Succeeded()
    {
        lock (gate)
        {
            if (since is not { } start)
            {
                return null;
            }

            var series = new FailureTally(FailureLine.Recovered, total, time.GetUtcNow() - start);
            since = null;
            total = 0;
            inWindow = 0;
            return series;
        }
    }
}
