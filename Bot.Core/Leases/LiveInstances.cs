using Bot.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Core.Leases;

/// <summary>How many instances of this bridge (one store, so one bot) are live on the shared database, this one
/// included: those whose own lease (<see cref="LeaseNames.Instance"/>) has not ended by the database's clock. Counted
/// again at each lease renewal; 1 on SQLite (one process). The chat limiter divides Telegram's overall budget by it.</summary>
public sealed partial class LiveInstances(ILeaseRepository store, IOptions<StorageOptions> storage, ILogger<LiveInstances> logger)
{
    private int count = 1;

    /// <summary>The live instances as last counted, at least 1.</summary>
    public int Count => Volatile.Read(ref count);

    /// <summary>Counts the live instances again (nothing on SQLite). A database that does not answer keeps the last
    /// count: the renewal that fails with it says so, and stops this instance's leased work.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        if (!storage.Value.UsesPostgres)
        {
            return;
        }

        int live;
        try
        {
            live = Math.Max(1, await store.CountLiveAsync(LeaseNames.Instance(""), cancellationToken));
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogCountFailed(e);
            return;
        }

        if (Interlocked.Exchange(ref count, live) != live)
        {
            LogCounted(live);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Live instances of this bot: {Count}; each sends at most Telegram__Limits__GlobalPerSecond divided by them")]
    private partial void LogCounted(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The live instances could not be counted; the last count stays in use")]
    private partial void LogCountFailed(Exception error);
}
