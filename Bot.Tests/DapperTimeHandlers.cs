using System.Runtime.CompilerServices;

namespace Bot.Tests;

/// <summary>The bridge registers Dapper's time handlers with its first Dapper statement (<c>DapperOnFirstUse</c>); a
/// test that reads stored times through Dapper itself may run before any such statement in this process, so the test
/// assembly registers them when it loads, whatever order the tests run in.</summary>
internal static class DapperTimeHandlers
{
#pragma warning disable CA2255 // a test assembly, not a library: its own set-up
    [ModuleInitializer]
    internal static void Register() => Bot.Core.Sqlite.SqliteTypeHandlers.Register();
#pragma warning restore CA2255
}
