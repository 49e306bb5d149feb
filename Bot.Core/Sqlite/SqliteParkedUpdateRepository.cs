using Bot.Core.Routing.Parking;
using Bot.Core.Storage;
using Dapper;

namespace Bot.Core.Sqlite;

/// <summary>The SQLite <see cref="IParkedUpdateRepository"/>.</summary>
internal sealed class SqliteParkedUpdateRepository(IDbConnectionFactory connections, TimeProvider time) : IParkedUpdateRepository
{
    private const string Columns =
        "id, update_id AS UpdateId, payload, status, attempts, next_attempt_at AS NextAttemptAt, last_error AS LastError, created_at AS CreatedAt";

    // What the retrier and the alerts ask while idle: statements, so that idling never loads Dapper.
    private static readonly Statement Due = new(
        $"SELECT {Columns} FROM parked_updates WHERE status = 'pending' AND next_attempt_at <= @now ORDER BY id LIMIT @limit", "@now", "@limit");

    private static readonly Statement NextDue = new("SELECT MIN(next_attempt_at) FROM parked_updates WHERE status = 'pending'");

    private static readonly Statement GivenUpSince = new("SELECT COUNT(*) FROM parked_updates WHERE status = 'dead' AND updated_at >= @since", "@since");

    private static ParkedUpdate ReadUpdate(System.Data.Common.DbDataReader r) => new()
    {
        Id = r.GetInt64(0),
        UpdateId = r.GetInt64(1),
        Payload = r.GetString(2),
        Status = StoredEnum.Parse<ParkedUpdateStatus>(r.GetString(3)),
        Attempts = r.GetInt32(4),
        NextAttemptAt = Statement.Time(r, 5),
        LastError = Statement.StringOrNull(r, 6),
        CreatedAt = Statement.Time(r, 7),
    };

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
            new { updateId, payload, due = now + ParkingDelays.Delays[0], error, now });
    }

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
        return await Due.QueryAsync(connection, null, ReadUpdate, time.GetUtcNow(), limit);
    }

    public async Task<DateTimeOffset?> GetNextDueAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await NextDue.QueryAsync(connection, null, r => Statement.TimeOrNull(r, 0)))[0];
    }

    public Task CompleteAsync(long id, CancellationToken cancellationToken) =>
        SetAsync("UPDATE parked_updates SET status = 'done', last_error = NULL, updated_at = @now WHERE id = @id", new { id, now = time.GetUtcNow() }, cancellationToken);

    public async Task<bool> FailAsync(ParkedUpdate update, string error, CancellationToken cancellationToken)
    {
        var attempts = update.Attempts + 1;
        var dead = attempts > ParkingDelays.Delays.Count;
        var now = time.GetUtcNow();
        await SetAsync(
            "UPDATE parked_updates SET status = @status, attempts = @attempts, next_attempt_at = @due, last_error = @error, updated_at = @now WHERE id = @id",
            new { id = update.Id, status = StoredEnum.Name(dead ? ParkedUpdateStatus.Dead : ParkedUpdateStatus.Pending), attempts, due = dead ? now : now + ParkingDelays.Delays[attempts - 1], error, now },
            cancellationToken);
        return dead;
    }

    public async Task<bool> RetryDeadAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var now = time.GetUtcNow();
        return await connection.ExecuteAsync(
            "UPDATE parked_updates SET status = 'pending', attempts = 0, next_attempt_at = @now, updated_at = @now WHERE id = @id AND status = 'dead'",
            new { id, now }) == 1;
    }

    public async Task<IReadOnlyList<ParkedUpdate>> ListOpenAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<ParkedUpdate>(
            $"SELECT {Columns} FROM parked_updates WHERE status <> 'done' ORDER BY id DESC LIMIT @limit",
            new { limit })).AsList();
    }

    public async Task<long> CountGivenUpSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await GivenUpSince.QueryAsync(connection, null, r => r.GetInt64(0), since))[0];
    }

    private async Task SetAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(sql, parameters);
    }

    public Task<int> PruneSettledAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken) =>
        PruneSettled.ExecuteInTurnAsync(connections, cancellationToken, before, limit);

    private static readonly Statement PruneSettled = new(
        "DELETE FROM parked_updates WHERE id IN (SELECT id FROM parked_updates WHERE status <> 'pending' AND updated_at < @before LIMIT @limit)",
        "@before", "@limit");
}
