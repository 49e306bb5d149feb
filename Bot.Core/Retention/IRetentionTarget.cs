namespace Bot.Core.Retention;

/// <summary>A table family whose settled rows <see cref="DatabasePruner"/> deletes once they are old enough. Each module
/// registers its own, so the pruner knows no table.</summary>
public interface IRetentionTarget
{
    /// <summary>What is deleted, for the log ("resolved alerts").</summary>
    string What { get; }

    /// <summary>How long a settled row is kept, from <paramref name="options"/>.</summary>
    TimeSpan KeepFor(RetentionOptions options);

    /// <summary>Deletes up to <paramref name="limit"/> rows settled before <paramref name="before"/>.</summary>
    /// <returns>How many were deleted.</returns>
    Task<int> PruneAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken);
}
