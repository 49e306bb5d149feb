using System.Data.Common;
using Bot.Core.Sqlite;
using Bot.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bot.Testing;

/// <summary>The real database, which can be told to refuse every write the way a full disk or a read-only file does
/// (SQLite answers SQLITE_READONLY), while reads go on working.</summary>
public sealed class WriteRefusingDatabase(IDbConnectionFactory inner) : IDbConnectionFactory
{
    public bool RefuseWrites { get; set; }

    /// <summary>Registers it in place of the harness's database (pass it as a core harness's configure step).</summary>
    public static void Register(IServiceCollection services) =>
        services.AddSingleton<IDbConnectionFactory>(sp =>
            new WriteRefusingDatabase(new SqliteConnectionFactory(sp.GetRequiredService<IOptions<StorageOptions>>())));

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await inner.OpenAsync(cancellationToken);
        await RefuseOrAllowAsync(connection, cancellationToken);
        return connection;
    }

    /// <summary>Connections keep the pragma (pooled ones, and the writer's): it is set either way on every use.</summary>
    private async Task RefuseOrAllowAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = RefuseWrites ? "PRAGMA query_only = ON" : "PRAGMA query_only = OFF";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public ValueTask<DbTransaction> BeginTransactionAsync(DbConnection connection, bool write, CancellationToken cancellationToken) =>
        inner.BeginTransactionAsync(connection, write, cancellationToken);

    public async ValueTask<WriterTurn?> WriterTurnAsync(CancellationToken cancellationToken)
    {
        var turn = await inner.WriterTurnAsync(cancellationToken);
        if (turn?.Connection is { } writer)
        {
            await RefuseOrAllowAsync(writer, cancellationToken);
        }

        return turn;
    }

    public bool IsOutage(DbException error) => inner.IsOutage(error);
}
