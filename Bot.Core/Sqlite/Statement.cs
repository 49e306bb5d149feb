using System.Data;
using System.Data.Common;
using Bot.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Bot.Core.Sqlite;

/// <summary>A statement of the relay's hot paths, run without Dapper: its text and the names of its parameters (as the
/// text writes them, <c>@id</c>), given their values by position. On a kept SQLite connection
/// (<see cref="StatementCachingConnection"/>) the command and its parameters are made once and stay prepared; a call
/// sets the values and runs it. On any other connection (a pooled SQLite one, PostgreSQL's dialect connection) a
/// command is made for the call. Values go to the driver as Dapper hands them over, so they are stored alike: a time as
/// the driver writes a <see cref="DateTimeOffset"/> (on PostgreSQL the dialect's ISO 8601 text), booleans as 0 and 1,
/// null as NULL; results are read by ordinal.</summary>
internal sealed class Statement
{
    public Statement(string text, params string[] names)
    {
        foreach (var name in names)
        {
            if (!name.StartsWith('@') || !text.Contains(name, StringComparison.Ordinal))
            {
                throw new ArgumentException($"The statement has no parameter '{name}' (names are given as written, with '@').", nameof(names));
            }
        }

        Text = text;
        Names = names;
    }

    public string Text { get; }

    public IReadOnlyList<string> Names { get; }

    /// <summary>Runs the statement; the number of rows it changed.</summary>
    public Task<int> ExecuteAsync(DbSession session, params object?[] values) => ExecuteAsync(session.Connection, session.Transaction, values);

    public Task<int> ExecuteAsync(DbConnection connection, DbTransaction? transaction, params object?[] values)
    {
        if (connection is StatementCachingConnection kept && kept.TakePrepared(this) is { } command)
        {
            try
            {
                Bind(command, transaction, values);
                return Task.FromResult(command.ExecuteNonQuery());
            }
            finally
            {
                kept.ReturnPrepared(command);
            }
        }

        return ExecuteMadeAsync(connection, transaction, values);
    }

    /// <summary>Runs the statement in a write transaction of its own, in the writer's turn (<see cref="DbSession.BeginAsync"/>)
    /// like every other write, instead of on a reader's connection, where on SQLite it would meet the writer in the busy
    /// handler (and the writer it).</summary>
    public async Task<int> ExecuteInTurnAsync(IDbConnectionFactory connections, CancellationToken cancellationToken, params object?[] values)
    {
        await using var session = await DbSession.BeginAsync(connections, cancellationToken);
        var changed = await ExecuteAsync(session, values);
        await session.CommitAsync(cancellationToken);
        return changed;
    }

    /// <summary>Runs the statement outside a transaction: not at all once <paramref name="cancellationToken"/> is
    /// cancelled, and cancelled while it runs where the driver runs it asynchronously (PostgreSQL; on a kept SQLite
    /// connection it runs to its end, microseconds).</summary>
    public Task<int> ExecuteAsync(DbConnection connection, CancellationToken cancellationToken, params object?[] values) =>
        cancellationToken.IsCancellationRequested ? Task.FromCanceled<int>(cancellationToken)
        : connection is StatementCachingConnection ? ExecuteAsync(connection, null, values)
        : ExecuteMadeAsync(connection, null, values, cancellationToken);

    /// <summary>The rows the statement returns, each mapped by <paramref name="map"/> (read by ordinal).</summary>
    public Task<List<T>> QueryAsync<T>(DbSession session, Func<DbDataReader, T> map, params object?[] values) =>
        QueryAsync(session.Connection, session.Transaction, map, values);

    public Task<List<T>> QueryAsync<T>(DbConnection connection, DbTransaction? transaction, Func<DbDataReader, T> map, params object?[] values)
    {
        if (connection is StatementCachingConnection kept && kept.TakePrepared(this) is { } command)
        {
            try
            {
                Bind(command, transaction, values);
                using var reader = command.ExecuteReader();
                var rows = new List<T>();
                while (reader.Read())
                {
                    rows.Add(map(reader));
                }

                return Task.FromResult(rows);
            }
            finally
            {
                kept.ReturnPrepared(command);
            }
        }

        return QueryMadeAsync(connection, transaction, map, values);
    }

    /// <summary>The rows, read outside a transaction and cancelled as <see cref="ExecuteAsync(DbConnection, CancellationToken, object?[])"/> is.</summary>
    public Task<List<T>> QueryAsync<T>(DbConnection connection, Func<DbDataReader, T> map, CancellationToken cancellationToken, params object?[] values) =>
        cancellationToken.IsCancellationRequested ? Task.FromCanceled<List<T>>(cancellationToken)
        : connection is StatementCachingConnection ? QueryAsync(connection, null, map, values)
        : QueryMadeAsync(connection, null, map, values, cancellationToken);

    /// <summary>The first row mapped, or <paramref name="none"/> when there is none.</summary>
    public async Task<T> QueryFirstAsync<T>(DbSession session, Func<DbDataReader, T> map, T none, params object?[] values)
    {
        var rows = await QueryAsync(session, map, values);
        return rows.Count > 0 ? rows[0] : none;
    }

    /// <summary>The value as the driver is given it. A time is handed over as Dapper does (its type map takes
    /// <see cref="DateTimeOffset"/> before any type handler), so that the texts these statements write compare with
    /// those that Dapper's statements write and compare with; but in UTC, as the bridge's own times are: a marketplace's
    /// time with its own offset (AliExpress stamps Pacific time) would otherwise sort as text by its local hour.</summary>
    public static object Stored(object? value) => value switch
    {
        null => DBNull.Value,
        DateTimeOffset time when time.Offset != TimeSpan.Zero => time.ToUniversalTime(),
        bool flag => flag ? 1L : 0L,
        Enum => throw new ArgumentException("An enum is stored by its name: pass StoredEnum.Name(value)."),
        _ => value,
    };

    /// <summary>A truth value the query computed (an <c>EXISTS</c>): 0 or 1 on SQLite, a boolean on PostgreSQL.</summary>
    public static long Flag(DbDataReader reader, int ordinal) => Convert.ToInt64(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture);

    public static long? Int64OrNull(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);

    public static string? StringOrNull(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static DateTimeOffset Time(DbDataReader reader, int ordinal) => SqliteTypeHandlers.Parse(reader.GetValue(ordinal));

    public static DateTimeOffset? TimeOrNull(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : Time(reader, ordinal);

    private void Bind(SqliteCommand command, DbTransaction? transaction, object?[] values)
    {
        Check(values);
        command.Transaction = transaction as SqliteTransaction;
        var parameters = command.Parameters;
        for (var i = 0; i < values.Length; i++)
        {
            parameters[i].Value = Stored(values[i]);
        }
    }

    private DbCommand Make(DbConnection connection, DbTransaction? transaction, object?[] values)
    {
        Check(values);
        var command = connection.CreateCommand();
        try
        {
            command.CommandText = Text;
            command.Transaction = transaction;
            for (var i = 0; i < values.Length; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = Names[i];
                parameter.Value = Stored(values[i]);
                command.Parameters.Add(parameter);
            }

            return command;
        }
        catch
        {
            command.Dispose();
            throw;
        }
    }

    private async Task<int> ExecuteMadeAsync(DbConnection connection, DbTransaction? transaction, object?[] values, CancellationToken cancellationToken = default)
    {
        await using var command = Make(connection, transaction, values);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<List<T>> QueryMadeAsync<T>(
        DbConnection connection, DbTransaction? transaction, Func<DbDataReader, T> map, object?[] values, CancellationToken cancellationToken = default)
    {
        await using var command = Make(connection, transaction, values);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    private void Check(object?[] values)
    {
        if (values.Length != Names.Count)
        {
            throw new ArgumentException($"The statement takes {Names.Count} values, not {values.Length}.", nameof(values));
        }
    }
}
