using Bot.Core.Retention;

namespace Bot.Core.Routing.Parking;

/// <summary>Parked updates that were handled or given up on, kept <see cref="RetentionOptions.ParkedUpdates"/>.</summary>
public sealed class SettledParkedUpdateRows(IParkedUpdateRepository parked) : IRetentionTarget
{
    public string What => "settled parked updates";

    public TimeSpan KeepFor(RetentionOptions options) => options.ParkedUpdates;

    public Task<int> PruneAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken) =>
        parked.PruneSettledAsync(before, limit, cancellationToken);
}
