namespace Bot.Core.Leases;

/// <summary>The stored leases. Every write is one statement outside the writers' queue, so a renewal never waits for
/// a long write transaction.</summary>
public interface ILeaseRepository
{
    /// <summary>Takes the lease, or renews it when <paramref name="holder"/> holds it already, until
    /// <paramref name="expires"/>: in one statement, which succeeds only when the lease is free, expired at
    /// <paramref name="now"/>, or the holder's own.</summary>
    /// <returns>True when <paramref name="holder"/> holds it now.</returns>
    Task<bool> TryTakeAsync(string name, string holder, DateTimeOffset now, DateTimeOffset expires, CancellationToken cancellationToken);

    /// <summary>Gives the lease up, when <paramref name="holder"/> holds it, so another instance may take it at once.</summary>
    Task ReleaseAsync(string name, string holder, CancellationToken cancellationToken);

    Task<IReadOnlyList<LeaseRecord>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Deletes leases that expired before <paramref name="before"/> (claims of chats nobody sends to any more).</summary>
    /// <returns>How many were deleted.</returns>
    Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
