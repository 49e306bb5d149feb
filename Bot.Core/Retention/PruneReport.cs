namespace Bot.Core.Retention;

/// <summary>Rows one pruning deleted, per <see cref="IRetentionTarget"/> by what it holds ("dead letters").</summary>
public sealed record PruneReport(IReadOnlyDictionary<string, int> Deleted)
{
    public int Total => Deleted.Values.Sum();
}
