using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Bot.Core.Operations;
using Bot.Stores;
using Bot.Testing;
using Bot.Testing.AliExpress;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit.Abstractions;

namespace Bot.Tests.Stores;

/// <summary>In a process of several stores, one store's trouble stays its own: an expired marketplace session or a
/// deleted staff group leaves the other stores relaying at their pace; a store whose file or start fails, or that stops
/// by itself, is reported in a sentence (log and /stores), the others run on, and it is tried again once its file changes;
/// one whose start failed for a reason outside its file is also tried again after a wait.</summary>
[Harness.RunsLong]
public sealed class OneProcessStoreFailuresTests(ITestOutputHelper output)
{
    private const string Poll = "aliexpress.message.redefining.versiontwo.querymsgrelationlist";

    [Fact]
    public async Task OneStoresExpiredSession_AndAnothersDeletedStaffGroup_LeaveTheThirdRelayingAtItsPace()
    {
        await using var process = await StoresRig.StartAsync();
        var expired = await process.CreateStoreAsync("shop-a", 7001);
        var deleted = await process.CreateStoreAsync("shop-b", 7002);
        var healthy = await process.CreateStoreAsync("shop-c", 7003);
        foreach (var store in new[] { expired, deleted, healthy })
        {
            process.Write(store);
        }

        foreach (var store in new[] { expired, deleted, healthy })
        {
            await process.RunningAsync(store.Id);
            await store.TopicOfAsync($"30{store.Id[^1] - 'a' + 1}0000000001", $"{store.Id} is up");
        }

        var before = await RelayTimesAsync(healthy, "before");

        expired.AliExpress.Refuse(Poll, FakeFault.ExpiredSession());
        deleted.Telegram.RefuseChat(StoreRig.Staff, 400, "Bad Request: chat not found");
        deleted.AliExpress.AddBuyerMessage("3002000000009", "buyer_b", "Buyer B", "shop-b: to a staff group that is gone");
        var health = (Func<StoreRig, BridgeHealth>)(s => process.Supervisor.Runner(s.Id)!.Services!.GetRequiredService<BridgeHealth>());
        await Eventually.TrueAsync(() => health(expired).Marketplace.NeedsOperator && !health(deleted).StaffChat.Ok, StoreRig.Timeout);
        var during = await RelayTimesAsync(healthy, "during");

        output.WriteLine($"shop-c, buyer message to its staff group: {Times(before)} with the others healthy; {Times(during)} with shop-a's session expired and shop-b's staff group deleted");
        // Each store polls every 200 ms; the bound leaves room for a loaded test machine, the line above the measure.
        Assert.All(during, t => Assert.InRange(t, TimeSpan.Zero, TimeSpan.FromSeconds(10)));
        Assert.True(health(healthy).Marketplace.LastError is null && health(healthy).StaffChat.Ok);
        var overview = await OverviewAsync(process);
        Assert.False(overview["shop-a"].GetProperty("ready").GetBoolean());
        Assert.False(overview["shop-b"].GetProperty("ready").GetBoolean());
        Assert.True(overview["shop-c"].GetProperty("ready").GetBoolean());
        Assert.All(overview.Values, s => Assert.Equal("running", s.GetProperty("state").GetString()));
    }

    [Fact]
    public async Task AStoreWhoseFileCannotWork_IsReported_TheOthersRun_AndItStartsOnceItsFileIsFixed()
    {
        await using var process = await StoresRig.StartAsync();
        var good = await process.CreateStoreAsync("shop-a", 7001);
        var broken = await process.CreateStoreAsync("shop-b", 7002);
        process.Write(good);
        process.Write("shop-b", "{ \"Telegram\": { \"BotToken\": \"7002:AAH-the-secret-part\" ");
        process.Write("shop-c", JsonSerializer.Serialize(new Dictionary<string, string> { ["Store:Id"] = "shop-x", ["Urls"] = "http://127.0.0.1:0" }));
        process.Write("shop-d", "{}");

        await process.RunningAsync("shop-a");
        var failed = await Eventually.ValueAsync(() => Failed(process, "shop-b", "shop-c", "shop-d"), StoreRig.Timeout);

        Assert.StartsWith("The file shop-b.json cannot be read as JSON (", failed["shop-b"][0], StringComparison.Ordinal);
        Assert.Equal(["The file shop-c.json sets Store__Id to 'shop-x', but a store's id is the name of its file: remove Store__Id from it, or rename the file."], failed["shop-c"]);
        Assert.Equal(["The file shop-d.json does not set Urls: give each store an address of its own for its status page and /metrics (for example \"Urls\": \"http://127.0.0.1:8081\")."], failed["shop-d"]);
        var overview = await OverviewAsync(process);
        Assert.Equal("failed", overview["shop-b"].GetProperty("state").GetString());
        Assert.Equal(failed["shop-b"][0], overview["shop-b"].GetProperty("problems")[0].GetString());
        Assert.DoesNotContain("the-secret-part", JsonSerializer.Serialize(overview), StringComparison.Ordinal);
        await good.TopicOfAsync("3001000000001", "shop-a relays beside the broken files");

        process.Write(broken);
        await process.RunningAsync("shop-b");
        await broken.TopicOfAsync("3002000000001", "shop-b relays once its file is fixed");
    }

    [Fact]
    public async Task AStoreWhoseSettingsOrStartFail_IsReportedInItsSentences_AndTheOthersRun()
    {
        await using var process = await StoresRig.StartAsync();
        var good = await process.CreateStoreAsync("shop-a", 7001);
        var sameBot = await process.CreateStoreOnBotAsync("shop-b", good.Telegram, StoreRig.Staff); // and the same staff group
        var badSetting = await process.CreateStoreAsync("shop-c", 7003);
        var takenPort = await process.CreateStoreAsync("shop-d", 7004);
        process.Write(good);
        var urlA = await process.RunningAsync("shop-a");
        badSetting.Settings["Telegram:StaffChatId"] = "12345";
        takenPort.Settings["Urls"] = urlA;
        process.Write(sameBot);
        process.Write(badSetting);
        process.Write(takenPort);

        var failed = await Eventually.ValueAsync(() => Failed(process, "shop-b", "shop-c", "shop-d"), StoreRig.Timeout);

        Assert.Equal(["Store shop-b names chat -1001000000001 as its staff group, but store shop-a of this process names it too with the same bot, so an update from there could not be routed to one store: give each store that shares a bot its own staff groups (Telegram__StaffChatId, Telegram__StaffChatIds) and operator chat (Telegram__OperatorChatId)."], failed["shop-b"]);
        Assert.Contains(failed["shop-c"], p => p.Contains("Telegram__StaffChatId", StringComparison.Ordinal));
        Assert.StartsWith($"The bridge cannot listen on {urlA}", Assert.Single(failed["shop-d"]), StringComparison.Ordinal);
        Assert.DoesNotContain(good.Telegram.Requests, r => r.StatusCode == 409);
        await good.TopicOfAsync("3001000000001", "shop-a relays beside the failed stores");
        Assert.Equal(StoreState.Running, process.Status("shop-a")!.State);
    }

    [Fact]
    public async Task AStoreWhoseStartFailsOutsideItsFile_PortHeldOrNoDatabaseServer_IsStartedAgainAfterGrowingWaits_WhileABadSettingWaitsForItsFile()
    {
        await using var process = await StoresRig.StartAsync(new Dictionary<string, string?>
        {
            // Long enough that a loaded machine still sees each store's first failure before its retry.
            ["Stores:RetryDelay"] = "00:00:02",
            ["Stores:MaxRetryDelay"] = "00:00:04",
        });
        var held = new TcpListener(IPAddress.Loopback, 0);
        held.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)held.LocalEndpoint).Port}";
        var blocked = await process.CreateStoreAsync("shop-a", 7001);
        var badSetting = await process.CreateStoreAsync("shop-b", 7002);
        var noDatabaseServer = await process.CreateStoreAsync("shop-c", 7003);
        blocked.Settings["Urls"] = url;
        badSetting.Settings["Telegram:StaffChatId"] = "12345";
        noDatabaseServer.Settings["ConnectionStrings:Bridge"] = $"Host=127.0.0.1;Port={ClosedPort()};Database=bridge;Username=bridge;Password=unused";
        process.Write(blocked);
        process.Write(badSetting);
        process.Write(noDatabaseServer);

        // Each store's failures as logged, in order: a status read late may already show the store's next failure.
        var first = await Eventually.ValueAsync(() => Logged(process, "shop-a").FirstOrDefault(), StoreRig.Timeout);
        Assert.Equal($"The bridge cannot listen on {url}: another program already uses that address. Stop it, or set Urls to a free address (for example http://127.0.0.1:8081). It is started again in 2 s.", first);
        // A database server not up yet (after a reboot, say) is such a reason too.
        var database = await Eventually.ValueAsync(() => Logged(process, "shop-c").FirstOrDefault(), StoreRig.Timeout);
        Assert.StartsWith("The PostgreSQL database named by ConnectionStrings__Bridge cannot be used (", database, StringComparison.Ordinal);
        Assert.EndsWith(" It is started again in 2 s.", database, StringComparison.Ordinal);
        await Eventually.ValueAsync(() => Failed(process, "shop-b"), StoreRig.Timeout);
        var badSince = process.Status("shop-b")!.Since;

        // Tried again without its file changing: the wait doubles, up to the longest.
        var three = await Eventually.ValueAsync(() => Logged(process, "shop-a") is { Count: >= 3 } failures ? failures : null, StoreRig.Timeout);
        Assert.All(three.Skip(1), problem => Assert.EndsWith(" It is started again in 4 s.", problem, StringComparison.Ordinal));
        Assert.All(Logged(process, "shop-c").Skip(1), problem => Assert.EndsWith(" It is started again in 4 s.", problem, StringComparison.Ordinal));

        // A setting that cannot work is not tried again: only a change of its file can help.
        Assert.Equal(badSince, process.Status("shop-b")!.Since);
        Assert.Equal(StoreState.Failed, process.Status("shop-b")!.State);
        Assert.Single(Logged(process, "shop-b"));

        held.Stop();
        Assert.Equal(url, await process.RunningAsync("shop-a"));

        await blocked.TopicOfAsync("3001000000001", "shop-a relays once its port is free");
    }

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    [Fact]
    public async Task AStoreThatStopsByItself_IsReported_TheOthersRun_AndItsChangedFileStartsItAgain()
    {
        await using var process = await StoresRig.StartAsync();
        var a = await process.CreateStoreAsync("shop-a", 7001);
        var b = await process.CreateStoreAsync("shop-b", 7002);
        process.Write(a);
        process.Write(b);
        await process.RunningAsync("shop-a");
        await process.RunningAsync("shop-b");

        process.Supervisor.Runner("shop-b")!.Services!.GetRequiredService<IHostApplicationLifetime>().StopApplication();

        var failed = await Eventually.ValueAsync(() => Failed(process, "shop-b"), StoreRig.Timeout);
        Assert.Equal(["Store shop-b stopped by itself (its log lines say why); it starts again once its file changes."], failed["shop-b"]);
        await a.TopicOfAsync("3001000000001", "shop-a relays after shop-b stopped");

        b.Settings["Relay:StaffLanguage"] = "en";
        process.Write(b);
        await process.RunningAsync("shop-b");
        await b.TopicOfAsync("3002000000001", "shop-b relays again");
    }

    [Fact]
    public async Task TheOverview_ListsEveryStoreWithItsReadiness_AndWithAToken_RefusesAnyoneWithoutIt()
    {
        const string token = "process-operator-token-0123456789";
        await using var process = await StoresRig.StartAsync(new Dictionary<string, string?> { ["Operators:HttpToken"] = token });
        var a = await process.CreateStoreAsync("shop-a", 7001);
        process.Write(a);
        var url = await process.RunningAsync("shop-a");

        await Eventually.TrueAsync(async () => (await OverviewAsync(process, token))["shop-a"].GetProperty("ready").ValueKind == JsonValueKind.True, StoreRig.Timeout);
        var store = (await OverviewAsync(process, token))["shop-a"];
        Assert.Equal(url, store.GetProperty("urls")[0].GetString());
        Assert.Equal("shop-a.json", store.GetProperty("file").GetString());
        Assert.Equal("running", store.GetProperty("state").GetString());
        Assert.True(store.GetProperty("checks").GetProperty("marketplace").GetProperty("ok").GetBoolean());

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => process.GetAsync(process.Url + "/stores"));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("ok", await process.GetAsync(process.Url + "/healthz"));
    }

    private static string Times(List<TimeSpan> times) => string.Join(", ", times.Select(t => $"{t.TotalMilliseconds:F0} ms"));

    /// <summary>How long each of three buyer messages of <paramref name="store"/> took from the marketplace to its staff group.</summary>
    private static async Task<List<TimeSpan>> RelayTimesAsync(StoreRig store, string phase)
    {
        var times = new List<TimeSpan>();
        for (var i = 0; i < 3; i++)
        {
            var clock = Stopwatch.StartNew();
            await store.TopicOfAsync($"300300000010{i}", $"{store.Id} {phase} {i}");
            times.Add(clock.Elapsed);
        }

        return times;
    }

    /// <summary>The problems the store's failures logged, in order.</summary>
    private static List<string> Logged(StoresRig process, string id)
    {
        var prefix = $"Store {id} does not run: ";
        return process.Logs.Entries.Select(e => e.Message).Where(m => m.StartsWith(prefix, StringComparison.Ordinal)).Select(m => m[prefix.Length..]).ToList();
    }

    /// <summary>The problems of each named store, once every one of them has failed; null before.</summary>
    private static Dictionary<string, IReadOnlyList<string>>? Failed(StoresRig process, params string[] ids)
    {
        var statuses = ids.Select(process.Status).ToList();
        return statuses.All(s => s is { State: StoreState.Failed }) ? statuses.ToDictionary(s => s!.Id, s => s!.Problems) : null;
    }

    private static async Task<Dictionary<string, JsonElement>> OverviewAsync(StoresRig process, string? token = null)
    {
        using var document = JsonDocument.Parse(await process.GetAsync(process.Url + "/stores", token));
        return document.RootElement.GetProperty("stores").EnumerateArray().ToDictionary(s => s.GetProperty("id").GetString()!, s => s.Clone());
    }
}
