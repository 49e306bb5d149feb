using Bot.Core.Retention;

namespace Bot.Core.MarketplaceRelay;

/// <summary>Set-aside marketplace items, kept <see cref="RetentionOptions.SetAsideItems"/> for operators to read.</summary>
public sealed class SetAsideRows(ISetAsideRepository setAside) : IRetentionTarget
{
    public string What => "set-aside marketplace items";

    public TimeSpan KeepFor(RetentionOptions options) => options.SetAsideItems;

    public Task<int> PruneAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken) =>
        setAside.PruneAsync(before, limit, cancellationToken);
}
