namespace Bot.Core.Routing.Parking;

/// <summary>Chat updates that failed, stored durably to be tried again later and shown to operators. The key is the
/// row id, not the update id: Telegram may restart update ids
/// (https://core.telegram.org/bots/api#update).</summary>
public interface IParkedUpdateRepository
{
    Task<long> ParkAsync(long updateId, string payload, string error, CancellationToken cancellationToken);

    /// <summary>Stores an update that cannot be tried again with any hope (e.g. one the client library cannot decode)
    /// straight as given up ('dead'): shown to operators (/updates), who may still retry it.</summary>
    Task<long> ParkDeadAsync(long updateId, string payload, string error, CancellationToken cancellationToken);

    Task<IReadOnlyList<ParkedUpdate>> GetDueAsync(int limit, CancellationToken cancellationToken);

    Task<DateTimeOffset?> GetNextDueAsync(CancellationToken cancellationToken);

    Task CompleteAsync(long id, CancellationToken cancellationToken);

    /// <summary>Records one more failed try: scheduled again, or given up on ('dead') when the delays are used up.</summary>
    /// <returns>True when the update was given up on.</returns>
    Task<bool> FailAsync(ParkedUpdate update, string error, CancellationToken cancellationToken);

    /// <summary>Puts a given-up update back, due now, with a fresh set of tries.</summary>
    Task<bool> RetryDeadAsync(long id, CancellationToken cancellationToken);

    /// <summary>Pending and given-up updates, newest first.</summary>
    Task<IReadOnlyList<ParkedUpdate>> ListOpenAsync(int limit, CancellationToken cancellationToken);

    /// <summary>How many updates were given up on since <paramref name="since"/>.</summary>
    Task<long> CountGivenUpSinceAsync(DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Deletes up to <paramref name="limit"/> parked updates that were settled (handled or given up) before
    /// <paramref name="before"/>. Pending ones are never touched.</summary>
    Task<int> PruneSettledAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken);
}
