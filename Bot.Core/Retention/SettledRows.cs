namespace Bot.Core.Retention;

/// <summary>A table family's settled rows as the module that owns them describes them: what they are, how long they are
/// kept, and the repository call that deletes a batch of them.</summary>
public sealed class SettledRows(string what, Func<RetentionOptions, TimeSpan> keepFor, Func<DateTimeOffset, int, CancellationToken, Task<int>> prune)
    : IRetentionTarget
{
    public string What => what;

    public TimeSpan KeepFor(RetentionOptions options) => keepFor(options);

    public Task<int> PruneAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken) => prune(before, limit, cancellationToken);
}
