using System.Data.Common;

namespace Bot.Core.Storage;

/// <summary>This process's turn to write, held from before a writing transaction begins until it ends.</summary>
/// <param name="connection">The connection the writer uses, kept open by the factory between turns (null: the session
/// opens one, as for reading).</param>
public sealed class WriterTurn(DbConnection? connection, Action end) : IDisposable
{
    private int ended;

    public DbConnection? Connection => connection;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref ended, 1) == 0)
        {
            end();
        }
    }
}
