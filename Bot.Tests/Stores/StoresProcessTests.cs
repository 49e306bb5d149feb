using System.Globalization;
using System.Text.Json;
using Bot.Testing;
using Bot.Testing.Postgres;
using Bot.Tests.EndToEnd;
using Bot.Tests.Operations.Metrics;

namespace Bot.Tests.Stores;

/// <summary>The real program with Stores__Directory: it serves every store of the directory (/stores on its own
/// address says so), each relays, and SIGTERM drains every store once, in order, and ends the process with 0.</summary>
public sealed class StoresProcessTests
{
    [Fact]
    public async Task TheProgram_WithAStoresDirectory_RunsEachStore_AndSigtermStopsThemAll_WithExitCode0()
    {
        var root = Directory.CreateTempSubdirectory("bridge-stores-process-").FullName;
        var directory = Path.Combine(root, "stores");
        Directory.CreateDirectory(directory);
        var database = PostgresServer.UnderTest ? await PostgresServer.CreateEmptyDatabaseAsync() : null;
        var stores = new List<StoreRig>();
        try
        {
            foreach (var (id, bot) in new[] { ("shop-a", 7001L), ("shop-b", 7002L) })
            {
                var store = await StoreRig.CreateAsync(id, bot, database ?? $"Data Source={Path.Combine(root, id + ".db")}");
                store.Settings["Telegram:BotToken"] = store.Telegram.Token;
                store.Settings["Telegram:ApiBaseUrl"] = store.Telegram.BaseUrl;
                store.Settings["Telegram:StaffChatId"] = StoreRig.Staff.ToString(CultureInfo.InvariantCulture);
                store.Settings["Urls"] = "http://127.0.0.1:0";
                await File.WriteAllTextAsync(Path.Combine(directory, id + ".json"), JsonSerializer.Serialize(store.Settings));
                stores.Add(store);
            }

            var url = $"http://127.0.0.1:{PrometheusServer.FreePort().ToString(CultureInfo.InvariantCulture)}";
            await using var process = BridgeProcess.Start(new Dictionary<string, string?>
            {
                ["Stores__Directory"] = directory,
                ["Urls"] = url,
                ["Telegram__PollTimeoutSeconds"] = "1",
                ["Marketplace__AliExpress__PollInterval"] = "00:00:00.200",
                ["Marketplace__AliExpress__SelfCheck"] = "false",
                ["Logging__LogLevel__Default"] = "Warning",
                ["Logging__LogLevel__Bot.Stores"] = "Information",
            });

            using var http = new HttpClient();
            await Eventually.TrueAsync(async () => await RunningAsync(http, url) == 2, TimeSpan.FromSeconds(60), () => process.Output);
            foreach (var store in stores)
            {
                var topic = await store.TopicOfAsync($"30{store.Id[^1] - 'a' + 1}0000000001", $"{store.Id}: hello from a buyer");
                store.Telegram.EnqueueMessage(StoreRig.Staff, StoreRig.StaffUser, "Sam", $"{store.Id}: hello from staff", threadId: topic);
                await Eventually.TrueAsync(() => store.AliExpress.Sent.Any(s => s.Content == $"{store.Id}: hello from staff"), StoreRig.Timeout);
            }

            Assert.Equal(0, await process.TerminateAsync(TimeSpan.FromSeconds(60)));
            Assert.Contains("Store shop-a stopped.", process.Output, StringComparison.Ordinal);
            Assert.Contains("Store shop-b stopped.", process.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("stopped by itself", process.Output, StringComparison.Ordinal);
            Assert.DoesNotContain(stores[0].Telegram.Token, process.Output, StringComparison.Ordinal);
        }
        finally
        {
            foreach (var store in stores)
            {
                await store.DisposeAsync();
            }
        }
    }

    private static async Task<int> RunningAsync(HttpClient http, string url)
    {
        try
        {
            using var document = JsonDocument.Parse(await http.GetStringAsync(url + "/stores"));
            return document.RootElement.GetProperty("stores").EnumerateArray().Count(s => s.GetProperty("state").GetString() == "running");
        }
        catch (HttpRequestException)
        {
            return 0; // Not listening yet.
        }
    }
}
