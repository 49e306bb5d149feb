using System.Globalization;

namespace Bot.Stores;

/// <summary>Starting a store again after a start that failed for a reason outside its file: the wait doubles with each
/// failure since the last start or change of file, up to <see cref="StoresOptions.MaxRetryDelay"/>.</summary>
internal sealed partial class StoreRunner
{
    private int failedStarts;
    private ITimer? retry;
    private bool retryDue;

    /// <summary>Starts the store again once the wait for this failure is over: the first wait, doubled for each failure
    /// since the last start or file change, at most the longest.</summary>
    private TimeSpan ScheduleRetry()
    {
        lock (gate)
        {
            var wait = TimeSpan.FromTicks(Math.Min(settings.MaxRetryDelay.Ticks, settings.RetryDelay.Ticks << Math.Min(failedStarts, 16)));
            failedStarts++;
            CancelRetry();
            retry = time.CreateTimer(_ => RetryNow(), null, wait, Timeout.InfiniteTimeSpan);
            return wait;
        }
    }

    private void RetryNow()
    {
        lock (gate)
        {
            retry?.Dispose();
            retry = null;
            retryDue = true;
            Kick();
        }
    }

    private void CancelRetry()
    {
        retry?.Dispose();
        retry = null;
        retryDue = false;
    }

    private static string Describe(TimeSpan wait) => wait < TimeSpan.FromMinutes(1)
        ? $"{wait.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s"
        : $"{wait.TotalMinutes.ToString("0.#", CultureInfo.InvariantCulture)} min";
}
