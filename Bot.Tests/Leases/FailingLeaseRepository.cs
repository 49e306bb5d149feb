using Bot.Core.Leases;

namespace Bot.Tests.Leases;

/// <summary>The real lease repository, whose writes fail while <see cref="Failing"/> (the database gone).</summary>
internal sealed class FailingLeaseRepository(ILeaseRepository inner) : ILeaseRepository
{
    public bool Failing { get; set; }

    public Task<bool> TryTakeAsync(string name, string holder, TimeSpan leaseTime, CancellationToken cancellationToken) =>
        Failing ? throw new TimeoutException("the database did not answer") : inner.TryTakeAsync(name, holder, leaseTime, cancellationToken);

    public Task ReleaseAsync(string name, string holder, CancellationToken cancellationToken) => inner.ReleaseAsync(name, holder, cancellationToken);

    public Task<IReadOnlyList<LeaseRecord>> ListAsync(CancellationToken cancellationToken) => inner.ListAsync(cancellationToken);

    public Task<IReadOnlyList<LeaseRecord>> ListLiveAsync(CancellationToken cancellationToken) => inner.ListLiveAsync(cancellationToken);

    public Task<int> CountLiveAsync(string prefix, CancellationToken cancellationToken) => inner.CountLiveAsync(prefix, cancellationToken);

    public Task<int> PruneAsync(TimeSpan endedAgo, CancellationToken cancellationToken) => inner.PruneAsync(endedAgo, cancellationToken);
}
