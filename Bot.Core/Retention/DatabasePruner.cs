using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Core.Retention;

/// <summary>Deletes what <see cref="RetentionOptions"/> says is old enough, from every registered
/// <see cref="IRetentionTarget"/> (delivered outbox rows, dead letters, unused cached translations, settled rows of
/// each module); it knows no table itself. Deletes in small batches, each its own short write, so relaying never waits
/// long for the database; freed pages are reused, so the file stops growing.</summary>
public sealed partial class DatabasePruner(
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
        var deleted = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var target in targets)
        {
            var before = now - target.KeepFor(o);
            var count = await DrainAsync(limit => target.PruneAsync(before, limit, cancellationToken), cancellationToken);
            deleted[target.What] = count;
            if (count > 0)
            {
                LogPruned(target.What, count);
            }
        }

        return new PruneReport(deleted);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: deleted {What}: {Count}")]
    private partial void LogPruned(string what, int count);
}
