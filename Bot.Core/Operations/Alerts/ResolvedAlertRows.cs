using Bot.Core.Retention;

namespace Bot.Core.Operations.Alerts;

/// <summary>Resolved alerts, kept <see cref="RetentionOptions.ResolvedAlerts"/>.</summary>
public sealed class ResolvedAlertRows(IAlertRepository alerts) : IRetentionTarget
{
    public string What => "resolved alerts";

    public TimeSpan KeepFor(RetentionOptions options) => options.ResolvedAlerts;

    public Task<int> PruneAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken) =>
        alerts.PruneResolvedAsync(before, limit, cancellationToken);
}
