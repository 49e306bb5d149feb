namespace Bot.Tests.Storage;

/// <summary>The database a storage test runs on: the SQLite file the harness makes, or a new database on the run's
/// PostgreSQL server.</summary>
public enum TestDatabase
{
    Sqlite,
    Postgres,
}
