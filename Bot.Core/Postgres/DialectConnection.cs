using System.Data;
using System.Data.Common;
using Bot.Core.Storage;
using Npgsql;

namespace Bot.Core.Postgres;

/// <summary>A PostgreSQL connection whose commands speak the repositories' SQL: every command's text goes through
/// <see cref="PostgresDialect"/>, and its parameters are given the types SQLite would store.</summary>
public sealed class DialectConnection(NpgsqlConnection inner) : WrappedConnection<NpgsqlConnection>(inner)
{
    public override void Close() => Inner.Close();

    public override void Open() => Inner.Open();

    public override Task OpenAsync(CancellationToken cancellationToken) => Inner.OpenAsync(cancellationToken);

    /// <summary>A transaction at <paramref name="isolationLevel"/> (unspecified: PostgreSQL's default, read committed).</summary>
    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) =>
        new DialectTransaction(this, Inner.BeginTransaction(isolationLevel));

    protected override async ValueTask<DbTransaction> BeginDbTransactionAsync(IsolationLevel isolationLevel, CancellationToken cancellationToken) =>
        new DialectTransaction(this, await Inner.BeginTransactionAsync(isolationLevel, cancellationToken));

    protected override DbCommand CreateDbCommand() => new DialectCommand(this, Inner.CreateCommand());

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
