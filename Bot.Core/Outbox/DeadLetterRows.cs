using Bot.Core.Retention;

namespace Bot.Core.Outbox;

/// <summary>Dead letters, kept <see cref="RetentionOptions.DeadLetters"/> so operators can still retry or read them.</summary>
public sealed class DeadLetterRows(IOutboxRepository outbox) : IRetentionTarget
{
    public string What => "dead letters";

    public TimeSpan KeepFor(RetentionOptions options) => options.DeadLetters;

    public Task<int> PruneAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken) =>
        outbox.PruneAsync(OutboxStatus.Dead, before, limit, cancellationToken);
}
