using Bot.Core.Storage;

namespace Bot.Core.Workflow;

/// <summary>First-response percentiles of the last seven days and the buyers waiting now, from the stored waits (so
/// they survive restarts), for the status page.</summary>
public sealed class FirstResponseReport(IDbConnectionFactory connections, IWorkflowRepository workflow, TimeProvider time)
{
    public static readonly TimeSpan Period = TimeSpan.FromDays(7);

    public async Task<FirstResponseSummary> ReadAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var session = await DbSession.ReadAsync(connections, cancellationToken);
        var answered = (await workflow.ListAnsweredAsync(session, now - Period)).Select(w => w.FirstResponse).ToList();
        var open = await workflow.ListOpenWaitsAsync(session);
        return new FirstResponseSummary(
            Period,
            answered.Count,
            FirstResponseTimes.Percentile(answered, 50),
            FirstResponseTimes.Percentile(answered, 90),
            open.Count,
            open.Count > 0 ? now - open[0].WaitingSince : null);
    }
}
