using System.Net;
using System.Net.Sockets;
using Bot.Testing;
using Bot.Testing.AliExpress;
using Bot.Testing.BotApi;
using Bot.Testing.Hosting;
using Bot.Tests.EndToEnd;

namespace Bot.Tests.Runtime;

/// <summary>What a bridge that has just started on its own SQLite file keeps mapped: nothing of PostgreSQL (Npgsql, about
/// 1.5 MiB resident) and nothing of the web host's parts it never uses (IIS, HTTP/3 over QUIC, about 1.5 MiB); and, once
/// it has started and idled against the fakes, nothing of Dapper (its static set-up maps System.Private.Xml, 1.7 MiB,
/// and its row readers System.Linq.Expressions, 1.4 MiB). The bridge runs as a child process on its own SQLite file,
/// so the database is the same in both passes.</summary>
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

    [Fact]
    public async Task ReadyAndIdlingAgainstTheFakes_HasNotLoadedDapper_NorXmlNorExpressionTrees()
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        telegram.AddSupergroup(BridgeHost.StaffChatId, "Store staff");
        await using var aliexpress = await FakeAliExpressServer.StartAsync();
        var environment = BridgeProcess.Environment(telegram, aliexpress, Path.Combine(Directory.CreateTempSubdirectory("bridge-idle-footprint-").FullName, "bridge.db"));
        var url = $"http://127.0.0.1:{FreePort()}";
        environment["Urls"] = url;
        environment["Workflow__SweepInterval"] = "00:00:01"; // the waits' sweep runs several times in the watch

        await using var bridge = BridgeProcess.Start(environment);
        using var client = new HttpClient { BaseAddress = new Uri(url) };
        await Eventually.TrueAsync(async () => bridge.HasExited || await ReadyAsync(client), TimeSpan.FromSeconds(60));
        Assert.False(bridge.HasExited, bridge.Output);
        // Idle: long polls of one second answered empty, marketplace polls finding nothing, readiness asked again.
        var polls = telegram.CallCount("getUpdates");
        await Eventually.TrueAsync(async () => bridge.HasExited || (telegram.CallCount("getUpdates") >= polls + 8 && await ReadyAsync(client)), TimeSpan.FromSeconds(60));
        Assert.False(bridge.HasExited, bridge.Output);
        var maps = await File.ReadAllTextAsync($"/proc/{bridge.Id}/maps");

        Assert.Contains("/Microsoft.Data.Sqlite.dll", maps, StringComparison.Ordinal);
        Assert.Contains("/Bot.Core.dll", maps, StringComparison.Ordinal);
        Assert.DoesNotContain("/Dapper.dll", maps, StringComparison.Ordinal);
        Assert.DoesNotContain("/System.Private.Xml.dll", maps, StringComparison.Ordinal);
        Assert.DoesNotContain("/System.Private.Xml.Linq.dll", maps, StringComparison.Ordinal);
        Assert.DoesNotContain("/System.Linq.Expressions.dll", maps, StringComparison.Ordinal);
    }

    private static async Task<bool> ReadyAsync(HttpClient client)
    {
        try
        {
            using var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false; // not listening yet
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
