using System.Data;
using System.Data.Common;
using Npgsql;

namespace Bot.Core.Postgres;

/// <summary>A PostgreSQL command that takes SQLite-flavoured text (rewritten by <see cref="PostgresDialect"/>) and
/// stores booleans as 0 and 1 and times as ISO 8601 text, as the SQLite storage does, so the same columns and queries serve both databases.</summary>
public sealed class DialectCommand(DialectConnection connection, NpgsqlCommand inner) : DbCommand
{
    private DbConnection? owner = connection;

#pragma warning disable CS8765 // the base property is declared [AllowNull]
    public override string CommandText
    {
        get => Inner.CommandText;
        set => Inner.CommandText = string.IsNullOrEmpty(value) ? "" : PostgresDialect.Rewrite(value);
    }
#pragma warning restore CS8765

    public NpgsqlCommand Inner { get; } = inner;

    public override int CommandTimeout
    {
        get => Inner.CommandTimeout;
        set => Inner.CommandTimeout = value;
    }

    public override CommandType CommandType
    {
        get => Inner.CommandType;
        set => Inner.CommandType = value;
    }

    public override bool DesignTimeVisible
    {
        get => Inner.DesignTimeVisible;
        set => Inner.DesignTimeVisible = value;
    }

    public override UpdateRowSource UpdatedRowSource
    {
        get => Inner.UpdatedRowSource;
        set => Inner.UpdatedRowSource = value;
    }

    protected override DbConnection? DbConnection
    {
        get => owner;
        set
        {
            owner = value;
            Inner.Connection = value switch
            {
                DialectConnection d => d.Inner,
                null => null,
                _ => throw new ArgumentException("A dialect command runs on a dialect connection.", nameof(value)),
            };
        }
    }

    protected override DbParameterCollection DbParameterCollection => Inner.Parameters;

    protected override DbTransaction? DbTransaction
    {
        get => field;
        set
        {
            field = value;
            Inner.Transaction = (value as DialectTransaction)?.Inner;
        }
    }

    public override void Cancel() => Inner.Cancel();

    public override void Prepare() => Inner.Prepare();

    protected override DbParameter CreateDbParameter() => Inner.CreateParameter();

    public override int ExecuteNonQuery()
    {
        DialectParameters.StoreAsSqliteDoes(Inner.Parameters);
        return Inner.ExecuteNonQuery();
    }

    public override Task<int> ExecuteNonQueryAsync(CancellationToken cancellationToken)
    {
        DialectParameters.StoreAsSqliteDoes(Inner.Parameters);
        return Inner.ExecuteNonQueryAsync(cancellationToken);
    }

    public override object? ExecuteScalar()
    {
        DialectParameters.StoreAsSqliteDoes(Inner.Parameters);
        return Inner.ExecuteScalar();
    }

    public override Task<object?> ExecuteScalarAsync(CancellationToken cancellationToken)
    {
        DialectParameters.StoreAsSqliteDoes(Inner.Parameters);
        return Inner.ExecuteScalarAsync(cancellationToken);
    }

    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior)
    {
        DialectParameters.StoreAsSqliteDoes(Inner.Parameters);
        return Inner.ExecuteReader(behavior);
    }

    protected override async Task<DbDataReader> ExecuteDbDataReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken)
    {
        DialectParameters.StoreAsSqliteDoes(Inner.Parameters);
        return await Inner.ExecuteReaderAsync(behavior, cancellationToken);
    }

    public override async ValueTask DisposeAsync()
    {
        await Inner.DisposeAsync();
        await base.DisposeAsync();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
