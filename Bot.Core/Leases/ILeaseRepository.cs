namespace Bot.Core.Leases;

/// <summary>The stored leases. Every write is one statement outside the writers' queue, so a renewal never waits for
/// a long write transaction. Every time here is the database's clock, read inside the statement: instances whose
/// clocks disagree still agree on when a lease ends.</summary>
public interface ILeaseRepository
{
    /// <summary>Takes the lease, or renews it when <paramref name="holder"/> holds it already, for
    /// <paramref name="leaseTime"/> from the database's now: in one statement, which succeeds only when the lease is
    /// free, ended by the database's clock, or the holder's own.</summary>
    /// <returns>True when <paramref name="holder"/> holds it now.</returns>
    Task<bool> TryTakeAsync(string name, string holder, TimeSpan leaseTime, CancellationToken cancellationToken);

    /// <summary>Gives the lease up, when <paramref name="holder"/> holds it, so another instance may take it at once.</summary>
    Task ReleaseAsync(string name, string holder, CancellationToken cancellationToken);

    /// <summary>Every stored lease, live or ended.</summary>
    Task<IReadOnlyList<LeaseRecord>> ListAsync(CancellationToken cancellationToken);

    /// <summary>The leases whose end has not passed by the database's clock.</summary>
    Task<IReadOnlyList<LeaseRecord>> ListLiveAsync(CancellationToken cancellationToken);

    /// <summary>How many leases whose name starts with <paramref name="prefix"/> are live by the database's clock (e.g.
    /// the live instances' own leases).</summary>
    Task<int> CountLiveAsync(string prefix, CancellationToken cancellationToken);

    /// <summary>Deletes leases that ended more than <paramref name="endedAgo"/> ago by the database's clock (claims of
    /// chats nobody sends to any more).</summary>
    /// <returns>How many were deleted.</returns>
    Task<int> PruneAsync(TimeSpan endedAgo, CancellationToken cancellationToken);
}
