using Bot.Core.Retention;
using Bot.Core.Storage;

namespace Bot.Core.Workflow;

/// <summary>Waits answered long ago, for <see cref="DatabasePruner"/>: kept <see cref="Keep"/>, long enough for /stats'
/// two weeks and the status page's seven days.</summary>
public sealed class AnsweredWaits(IDbConnectionFactory connections, IWorkflowRepository workflow) : IRetentionTarget
{
    public static readonly TimeSpan Keep = TimeSpan.FromDays(60);

    public string What => "answered waits";

    public TimeSpan KeepFor(RetentionOptions options) => Keep;

    public async Task<int> PruneAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken)
    {
        await using var session = await DbSession.BeginAsync(connections, cancellationToken);
        var deleted = await workflow.PruneAnsweredAsync(session, before, limit);
        await session.CommitAsync(cancellationToken);
        return deleted;
    }
}
