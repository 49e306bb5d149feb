using Bot.Core.Leases;
using Bot.Core.Operations;
using Bot.Core.Routing.Parking;
using Bot.Core.Sqlite;
using Bot.Core.Storage;
using Bot.Testing.BotApi;
using Bot.TelegramApi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

using Bot.Tests.Harness;

namespace Bot.Tests.TelegramApi;

/// <summary>The real <see cref="UpdateReceiver"/> with the real client against the fake Bot API, real storage (migrated
/// SQLite in a temp folder) and a recording core. Its clock is fake; long polls wait in real time.</summary>
internal sealed class ReceiverHarness : IAsyncDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("bridge-receiver-").FullName;
    private readonly ServiceProvider services;
    private UpdateReceiver? receiver;

    private ReceiverHarness(FakeTelegramSession session)
    {
        Session = session;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Bridge"] = $"Data Source={Path.Combine(directory, "bridge.db")}" })
            .Build();
        services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddSingleton<TimeProvider>(Time)
            .AddStorage().AddSqliteStorage().AddLeases()
            .AddMetrics()
            .AddSingleton<UpdateMetrics>()
            .BuildServiceProvider();
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    public FakeTelegramSession Session { get; }

    public FakeTelegramServer Telegram => Session.Server;

    public RecordingUpdateHandler Core { get; } = new();

    public UpdateMetrics Metrics => services.GetRequiredService<UpdateMetrics>();

    public ICursorRepository Cursors => services.GetRequiredService<ICursorRepository>();

    public IParkedUpdateRepository Parked => services.GetRequiredService<IParkedUpdateRepository>();

    public TelegramChatGateway Gateway => new(Session.Bot);

    public static async Task<ReceiverHarness> CreateAsync()
    {
        var harness = new ReceiverHarness(await FakeTelegramSession.StartAsync());
        await harness.services.GetRequiredService<IMigrationRunner>().ApplyAsync(CancellationToken.None);
        return harness;
    }

    public Task StartAsync()
    {
        var retrier = new ParkedUpdateRetrier(Core, Parked, Time, Metrics, NullLogger<ParkedUpdateRetrier>.Instance);
        receiver = new UpdateReceiver(
            Session.Bot, retrier, Cursors, new BridgeHealth(Time), services.GetRequiredService<LeasedWork>(), Time,
            Options.Create(new TelegramOptions { PollTimeoutSeconds = 1 }), NullLogger<UpdateReceiver>.Instance);
        return receiver.StartAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        if (receiver is not null)
        {
            await receiver.StopAsync(CancellationToken.None);
            receiver.Dispose();
        }

        await services.DisposeAsync();
        await Session.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open: the temp folder is cleaned up by the system.
        }
    }
}
