namespace Bot.Core.Operations.Alerts;

/// <summary>The alerts table (migration 0011): the bridge's alert state, kept across restarts.</summary>
public interface IAlertRepository
{
    Task<IReadOnlyList<ActiveAlert>> LoadAsync(CancellationToken cancellationToken);

    Task SaveAsync(ActiveAlert alert, CancellationToken cancellationToken);

    Task DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>Deletes up to <paramref name="limit"/> alerts resolved before <paramref name="before"/>; active ones stay.</summary>
    Task<int> PruneResolvedAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken);
}
