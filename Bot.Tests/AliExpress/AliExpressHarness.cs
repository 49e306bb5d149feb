using Bot.Core.Marketplace;
using Bot.Core.Sqlite;
using Bot.Core.Storage;
using Bot.Marketplace.AliExpress;
using Bot.Testing.AliExpress;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.AliExpress;

/// <summary>The real AliExpress adapter, wired by <c>AddAliExpress</c>, against the fake AliExpress server, sharing a fake clock.</summary>
internal sealed class AliExpressHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _provider;

    private AliExpressHarness(FakeAliExpressServer server, FakeTimeProvider time, ServiceProvider provider)
    {
        Server = server;
        Time = time;
        _provider = provider;
        Client = provider.GetRequiredService<IMarketplaceClient>();
    }

    public FakeAliExpressServer Server { get; }

    public FakeTimeProvider Time { get; }

    public IMarketplaceClient Client { get; }

    public T Get<T>()
        where T : notnull => _provider.GetRequiredService<T>();

    public static async Task<AliExpressHarness> StartAsync(
        FakeAliExpressServerOptions? fake = null,
        Action<AliExpressOptions>? configure = null,
        IDictionary<string, string?>? settings = null,
        Action<Microsoft.Extensions.Http.Resilience.HttpStandardResilienceOptions>? resilience = null)
    {
        var time = new FakeTimeProvider(Start);
        var server = await FakeAliExpressServer.StartAsync(fake, time);
        var values = new Dictionary<string, string?>
        {
            ["Marketplace:AliExpress:AppKey"] = server.AppKey,
            ["Marketplace:AliExpress:AppSecret"] = server.AppSecret,
            ["Marketplace:AliExpress:AccessToken"] = server.AccessToken,
            ["Marketplace:AliExpress:SellerLoginId"] = server.SellerLoginId,
            ["Marketplace:AliExpress:GatewayUrl"] = server.BaseUrl,
            ["ConnectionStrings:Bridge"] = $"Data Source={Path.Combine(Directory.CreateTempSubdirectory("aliexpress-").FullName, "bridge.db")}",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        services.AddLogging();
        services.AddSingleton<TimeProvider>(time);
        services.AddStorage().AddSqliteStorage(); // the seller's tokens live in the database
        services.AddAliExpress(options =>
        {
            // Keep retries instant: the tests count attempts, they do not wait for back-off.
            options.Retry.Delay = TimeSpan.Zero;
            options.Retry.UseJitter = false;
            resilience?.Invoke(options);
        });
        if (configure is not null)
        {
            services.Configure(configure);
        }

        var provider = services.BuildServiceProvider(validateScopes: true);
        await provider.GetRequiredService<IMigrationRunner>().ApplyAsync(CancellationToken.None);
        return new AliExpressHarness(server, time, provider);
    }

    /// <summary>Fetches until the adapter has nothing more right away; returns every message and the last cursor.</summary>
    public async Task<(List<MarketplaceMessage> Messages, string? Cursor, int Fetches)> DrainAsync(string? cursor)
    {
        var all = new List<MarketplaceMessage>();
        for (var fetches = 1; ; fetches++)
        {
            var batch = await Client.FetchAsync(cursor, CancellationToken.None);
            all.AddRange(batch.Messages);
            cursor = batch.NextCursor;
            if (!batch.HasMore)
            {
                return (all, cursor, fetches);
            }

            Assert.True(fetches < 1000, "The adapter kept reporting more messages.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        await Server.DisposeAsync();
    }
}
