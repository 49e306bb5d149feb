using System.Text.Json;
using Bot.Stores;
using Bot.Testing;
using Bot.Testing.BotApi;
using Bot.Testing.Hosting;
using Bot.Testing.Postgres;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bot.Tests.Stores;

/// <summary>One process serving several stores, in-process: the real composition (<see cref="StoresApp"/>) watching a
/// directory of store files, each written from a <see cref="StoreRig"/> (its own fake Bot API and AliExpress gateway).
/// On SQLite each store has its own file; under BRIDGE_TEST_DATABASE=postgres they share one database, each in the
/// schema named after it.</summary>
internal sealed class StoresRig : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly List<StoreRig> stores = [];

    private readonly bool onPostgres;

    private StoresRig(WebApplication app, CapturedLogs logs, string directory, string database, bool onPostgres)
    {
        this.app = app;
        Logs = logs;
        this.onPostgres = onPostgres;
        Directory = directory;
        Database = database;
        Url = app.Urls.First();
    }

    /// <summary>What the process logged at Warning and above, in order (each store's failures among it).</summary>
    public CapturedLogs Logs { get; }

    /// <summary>The stores' directory.</summary>
    public string Directory { get; }

    /// <summary>Under PostgreSQL the stores' database; else the directory of their SQLite files.</summary>
    public string Database { get; }

    /// <summary>The process's own address (/stores).</summary>
    public string Url { get; }

    public StoreSupervisor Supervisor => app.Services.GetRequiredService<StoreSupervisor>();

    /// <param name="shared">More of the process's settings, shared by every store.</param>
    /// <param name="postgres">The PostgreSQL database of the stores whatever BRIDGE_TEST_DATABASE says.</param>
    public static async Task<StoresRig> StartAsync(IDictionary<string, string?>? shared = null, string? postgres = null)
    {
        var root = System.IO.Directory.CreateTempSubdirectory("bridge-stores-").FullName;
        var directory = Path.Combine(root, "stores");
        System.IO.Directory.CreateDirectory(directory);
        var onPostgres = postgres is not null || PostgresServer.UnderTest;
        var database = postgres ?? (PostgresServer.UnderTest ? await PostgresServer.CreateEmptyDatabaseAsync() : root);
        var builder = BridgeApp.CreateBuilder([]);
        // What every store shares: the process's settings, which each store's file is laid over.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Stores:Directory"] = directory,
            ["Stores:ScanInterval"] = "00:00:00.500",
            ["Urls"] = "http://127.0.0.1:0",
            ["Telegram:PollTimeoutSeconds"] = "1",
            ["Marketplace:AliExpress:PollInterval"] = "00:00:00.200",
            ["Marketplace:AliExpress:SelfCheck"] = "false",
            ["Relay:RetryBaseDelay"] = "00:00:00.200",
            ["Relay:AllowPrivateMediaHosts"] = "true",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.Configuration.AddInMemoryCollection(shared ?? new Dictionary<string, string?>());
        var logs = new CapturedLogs();
        builder.Logging.AddProvider(logs);
        builder.AddStores();
        var app = builder.BuildStores();
        var problems = app.ValidateConfiguration();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join(" ", problems));
        }

        await app.StartAsync();
        return new StoresRig(app, logs, directory, database, onPostgres);
    }

    /// <summary>A store's fakes (bot <paramref name="botId"/>), not yet in the directory (<see cref="Write"/>).</summary>
    public async Task<StoreRig> CreateStoreAsync(string id, long botId) =>
        Add(await StoreRig.CreateAsync(id, botId, StoreDatabase(id)));

    /// <summary>A store on the bot of <paramref name="telegram"/>, which other stores use too, with its own staff group
    /// <paramref name="staffChat"/>; not yet in the directory.</summary>
    public async Task<StoreRig> CreateStoreOnBotAsync(string id, FakeTelegramServer telegram, long staffChat) =>
        Add(await StoreRig.CreateOnBotAsync(id, StoreDatabase(id), telegram, staffChat));

    private string StoreDatabase(string id) => onPostgres ? Database : $"Data Source={Path.Combine(Database, id + ".db")}";

    private StoreRig Add(StoreRig store)
    {
        foreach (var (key, value) in BridgeHost.Settings(store.Telegram.BaseUrl, store.Telegram.Token, "unused.db").Where(s => !store.Settings.ContainsKey(s.Key)))
        {
            store.Settings[key] = value;
        }

        // The process's settings say these; a store's file need not.
        foreach (var shared in new[] { "Telegram:PollTimeoutSeconds", "Marketplace:AliExpress:PollInterval", "Relay:RetryBaseDelay", "Relay:AllowPrivateMediaHosts", "Logging:LogLevel:Default" })
        {
            store.Settings.Remove(shared);
        }

        stores.Add(store);
        return store;
    }

    /// <summary>Writes the store's file as an operator would (whole, then renamed into place).</summary>
    public void Write(StoreRig store) => Write(store.Id, JsonSerializer.Serialize(store.Settings));

    public void Write(string id, string content)
    {
        var temporary = Path.Combine(Directory, $".{id}.json.new");
        File.WriteAllText(temporary, content);
        File.Move(temporary, Path.Combine(Directory, id + ".json"), overwrite: true);
    }

    public void Remove(string id) => File.Delete(Path.Combine(Directory, id + ".json"));

    public StoreStatus? Status(string id) => Supervisor.Stores().FirstOrDefault(s => s.Id == id);

    /// <summary>Waits until the store runs and returns its address.</summary>
    public async Task<string> RunningAsync(string id)
    {
        var status = await Eventually.ValueAsync(() => Status(id) is { State: StoreState.Running } s ? s : null, StoreRig.Timeout);
        return status.Urls[0];
    }

    public async Task<string> GetAsync(string url, string? token = null)
    {
        using var http = new HttpClient();
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        return await http.GetStringAsync(url);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        foreach (var store in stores)
        {
            await store.DisposeAsync();
        }
    }
}
