using Bot.Tests.EndToEnd;

namespace Bot.Tests.Runtime;

/// <summary>What a bridge that has just started on its own SQLite file keeps mapped: nothing of PostgreSQL (Npgsql, about
/// 1.5 MiB resident) and nothing of the web host's parts it never uses (IIS, HTTP/3 over QUIC, about 1.5 MiB). The
/// bridge runs as a child process on its own SQLite file, so the database is the same in both passes.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class StartedFootprintTests
{
    [Fact]
    public async Task StartedOnSqlite_HasNotLoadedNpgsql_NorIisNorQuic()
    {
        var maps = await BridgeProcess.MapsAfterStartAsync("bridge-footprint-");

        Assert.Contains("/Microsoft.Data.Sqlite.dll", maps, StringComparison.Ordinal);
        Assert.Contains("/Microsoft.AspNetCore.Server.Kestrel.Core.dll", maps, StringComparison.Ordinal);
        Assert.DoesNotContain("/Npgsql.dll", maps, StringComparison.Ordinal);
        Assert.DoesNotContain("/Microsoft.AspNetCore.Server.IIS", maps, StringComparison.Ordinal);
        Assert.DoesNotContain("Quic.dll", maps, StringComparison.Ordinal);
    }
}
