using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Bot.Core.Sqlite;

/// <summary>A command on the <see cref="StatementCachingConnection"/>: its text and parameters are collected here, and it
/// runs as that connection's prepared command for the same text, given back when this one is disposed.</summary>
internal sealed class CachedStatementCommand(StatementCachingConnection connection) : DbCommand
{
    private readonly SqliteCommand parameters = new();
    private SqliteCommand? running;
    private bool cached;

#pragma warning disable CS8765 // the base property is declared [AllowNull]
    public override string CommandText { get; set; } = "";
#pragma warning restore CS8765

    public override int CommandTimeout { get; set; } = 30;

    public override CommandType CommandType { get; set; } = CommandType.Text;

    public override bool DesignTimeVisible { get; set; }

    public override UpdateRowSource UpdatedRowSource { get; set; }

    protected override DbConnection? DbConnection
    {
        get => connection;
        set
        {
            if (value != connection)
            {
                throw new ArgumentException("A cached statement runs on its own connection.", nameof(value));
            }
        }
    }

    protected override DbParameterCollection DbParameterCollection => parameters.Parameters;

    protected override DbTransaction? DbTransaction { get; set; }

    public override void Cancel() => running?.Cancel();

    public override void Prepare()
    {
    }

    protected override DbParameter CreateDbParameter() => new SqliteParameter();

    public override int ExecuteNonQuery() => Run().ExecuteNonQuery();

    public override object? ExecuteScalar() => Run().ExecuteScalar();

    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => Run().ExecuteReader(behavior);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Release();
            parameters.Dispose();
        }

        base.Dispose(disposing);
    }

    private SqliteCommand Run()
    {
        Release();
        var command = connection.Take(CommandText, out cached, out var names);
        running = command;
        command.Transaction = DbTransaction as SqliteTransaction;
        command.CommandTimeout = CommandTimeout;
        foreach (SqliteParameter parameter in parameters.Parameters)
        {
            // As the text writes it, so that binding finds it at once (see ParameterNames).
            if (names is not null)
            {
                parameter.ParameterName = names.AsWritten(parameter.ParameterName);
            }

            command.Parameters.Add(parameter);
        }

        return command;
    }

    private void Release()
    {
        if (running is { } command)
        {
            running = null;
            connection.Return(command, cached);
        }
    }
}
