using System.Runtime.CompilerServices;

namespace Bot.Tests;

/// <summary>The host configures SQLite with its first connection factory, before any connection opens; a test that opens
/// a connection of its own may run before any factory is built in this process, so the test assembly configures SQLite
/// when it loads, as the host does, whatever order the tests run in.</summary>
internal static class SqliteSettings
{
#pragma warning disable CA2255 // a test assembly, not a library: its own set-up
    [ModuleInitializer]
    internal static void Configure() => Bot.Core.Sqlite.SqliteConnectionFactory.ConfigureSqlite();
#pragma warning restore CA2255
}
