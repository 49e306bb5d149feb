using Bot.Core.Outbox;
using Bot.Core.Translation.Caching;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Core.Retention;

/// <summary>Deletes what <see cref="RetentionOptions"/> says is old enough: delivered outbox rows, dead letters, unused
/// cached translations, and the settled rows of every registered <see cref="IRetentionTarget"/>. Deletes in small
/// batches, each its own short write, so relaying never waits long for the database; freed pages are reused, so the
/// file stops growing.</summary>
public sealed partial class DatabasePruner(
    OutboxStore outbox,
    TranslationCache cache,
    IEnumerable<IRetentionTarget> targets,
    TimeProvider time,
    IOptions<RetentionOptions> options,
    ILogger<DatabasePruner> logger)
{
    /// <summary>Rows per delete statement.</summary>
    public const int BatchSize = 500;

    public async Task<PruneReport> PruneAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        var report = new PruneReport(
            await DrainAsync(limit => outbox.PruneAsync("done", now - o.DoneDeliveries, limit, cancellationToken), cancellationToken),
            await DrainAsync(limit => outbox.PruneAsync("dead", now - o.DeadLetters, limit, cancellationToken), cancellationToken),
            await DrainAsync(limit => cache.PruneAsync(now - o.TranslationCache, limit, cancellationToken), cancellationToken),
            await PruneTargetsAsync(o, now, cancellationToken));
        if (report.Total > 0)
        {
            LogPruned(report.DoneDeliveries, report.DeadLetters, report.TranslationCache);
            foreach (var (what, count) in report.Settled.Where(pair => pair.Value > 0))
            {
                LogPrunedTarget(what, count);
            }
        }

        return report;
    }

    private async Task<IReadOnlyDictionary<string, int>> PruneTargetsAsync(RetentionOptions o, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settled = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var target in targets)
        {
            var before = now - target.KeepFor(o);
            settled[target.What] = await DrainAsync(limit => target.PruneAsync(before, limit, cancellationToken), cancellationToken);
        }

        return settled;
    }

    private static async Task<int> DrainAsync(Func<int, Task<int>> deleteBatch, CancellationToken cancellationToken)
    {
        var total = 0;
        int deleted;
        do
        {
            cancellationToken.ThrowIfCancellationRequested();
            deleted = await deleteBatch(BatchSize);
            total += deleted;
        }
        while (deleted == BatchSize);

        return total;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: deleted delivered outbox rows: {DoneDeliveries}, dead letters: {DeadLetters}, unused cached translations: {TranslationCache}")]
    private partial void LogPruned(int doneDeliveries, int deadLetters, int translationCache);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: deleted {What}: {Count}")]
    private partial void LogPrunedTarget(string what, int count);
}
