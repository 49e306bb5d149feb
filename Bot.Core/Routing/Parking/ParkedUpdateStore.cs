using Bot.Core.Retention;
using Bot.Core.Storage;
using Dapper;

namespace Bot.Core.Routing.Parking;

/// <summary>Chat updates that failed, stored durably to be tried again later and shown to operators. The key is the
/// row id, not the update id: Telegram may restart update ids (telegram.md).</summary>
public sealed class ParkedUpdateStore(IDbConnectionFactory connections, TimeProvider time) : IRetentionTarget
{
    /// <summary>The waits before each new try: 2 s, 10 s, 1 min, 5 min, 30 min, 2 h, 6 h (eight tries over about nine
    /// hours, well inside the day a button press or a reply stays meaningful); given up on after that.</summary>
    internal static readonly TimeSpan[] Delays =
        [TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(6)];

    private const string Columns =
        "id, update_id AS UpdateId, payload, status, attempts, next_attempt_at AS NextAttemptAt, last_error AS LastError, created_at AS CreatedAt";

    public async Task<long> ParkAsync(long updateId, string payload, string error, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var now = time.GetUtcNow();
        return await connection.ExecuteScalarAsync<long>(
            """
            INSERT INTO parked_updates (update_id, payload, attempts, next_attempt_at, last_error, created_at, updated_at)
            VALUES (@updateId, @payload, 1, @due, @error, @now, @now)
            RETURNING id
            """,
            new { updateId, payload, due = now + Delays[0], error, now });
    }

    /// <summary>Stores an update that cannot be tried again with any hope (e.g. one the client library cannot decode)
    /// straight as given up ('dead'): shown to operators (/updates), who may still retry it.</summary>
    public async Task<long> ParkDeadAsync(long updateId, string payload, string error, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var now = time.GetUtcNow();
        return await connection.ExecuteScalarAsync<long>(
            """
            INSERT INTO parked_updates (update_id, payload, status, attempts, next_attempt_at, last_error, created_at, updated_at)
            VALUES (@updateId, @payload, 'dead', 1, @now, @error, @now, @now)
            RETURNING id
            """,
            new { updateId, payload, error, now });
    }

    public async Task<IReadOnlyList<ParkedUpdate>> GetDueAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<ParkedUpdate>(
            $"SELECT {Columns} FROM parked_updates WHERE status = 'pending' AND next_attempt_at <= @now ORDER BY id LIMIT @limit",
            new { now = time.GetUtcNow(), limit })).AsList();
    }

    public async Task<DateTimeOffset?> GetNextDueAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var due = await connection.ExecuteScalarAsync<string?>("SELECT MIN(next_attempt_at) FROM parked_updates WHERE status = 'pending'");
        return due is null ? null : SqliteTypeHandlers.Parse(due);
    }

    public Task CompleteAsync(long id, CancellationToken cancellationToken) =>
        SetAsync("UPDATE parked_updates SET status = 'done', last_error = NULL, updated_at = @now WHERE id = @id", new { id, now = time.GetUtcNow() }, cancellationToken);

    /// <summary>Records one more failed try: scheduled again, or given up on ('dead') when the delays are used up.</summary>
    /// <returns>True when the update was given up on.</returns>
    public async Task<bool> FailAsync(ParkedUpdate update, string error, CancellationToken cancellationToken)
    {
        var attempts = update.Attempts + 1;
        var dead = attempts > Delays.Length;
        var now = time.GetUtcNow();
        await SetAsync(
            "UPDATE parked_updates SET status = @status, attempts = @attempts, next_attempt_at = @due, last_error = @error, updated_at = @now WHERE id = @id",
            new { id = update.Id, status = StoredEnum.Name(dead ? ParkedUpdateStatus.Dead : ParkedUpdateStatus.Pending), attempts, due = dead ? now : now + Delays[attempts - 1], error, now },
            cancellationToken);
        return dead;
    }

    /// <summary>Puts a given-up update back, due now, with a fresh set of tries.</summary>
    public async Task<bool> RetryDeadAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var now = time.GetUtcNow();
        return await connection.ExecuteAsync(
            "UPDATE parked_updates SET status = 'pending', attempts = 0, next_attempt_at = @now, updated_at = @now WHERE id = @id AND status = 'dead'",
            new { id, now }) == 1;
    }

    /// <summary>Pending and given-up updates, newest first.</summary>
    public async Task<IReadOnlyList<ParkedUpdate>> ListOpenAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<ParkedUpdate>(
            $"SELECT {Columns} FROM parked_updates WHERE status <> 'done' ORDER BY id DESC LIMIT @limit",
            new { limit })).AsList();
    }

    /// <summary>How many updates were given up on since <paramref name="since"/>.</summary>
    public async Task<long> CountGivenUpSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM parked_updates WHERE status = 'dead' AND updated_at >= @since", new { since });
    }

    private async Task SetAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(sql, parameters);
    }

    /// <summary>Deletes up to <paramref name="limit"/> parked updates that were settled (handled or given up) before
    /// <paramref name="before"/>. Pending ones are never touched.</summary>
    public async Task<int> PruneSettledAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            "DELETE FROM parked_updates WHERE id IN (SELECT id FROM parked_updates WHERE status <> 'pending' AND updated_at < @before LIMIT @limit)",
            new { before, limit });
    }

    string IRetentionTarget.What => "settled parked updates";

    TimeSpan IRetentionTarget.KeepFor(RetentionOptions options) => options.ParkedUpdates;

    Task<int> IRetentionTarget.PruneAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken) =>
        PruneSettledAsync(before, limit, cancellationToken);
}
