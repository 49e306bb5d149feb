using Bot.Core.Marketplace;
using Bot.Core.Operations;
using Bot.Marketplace.Wildberries;
using Bot.Testing.Wildberries;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Wildberries;

/// <summary>The real Wildberries adapter, wired by <c>AddWildberries</c>, against the fake Wildberries server.</summary>
internal sealed class WildberriesHarness : IAsyncDisposable
{
    private readonly ServiceProvider provider;

    private WildberriesHarness(FakeWildberriesServer server, ServiceProvider provider, RecordingMediaFetcher inner)
    {
        Server = server;
        this.provider = provider;
        Inner = inner;
        Client = provider.GetRequiredService<IMarketplaceClient>();
    }

    public FakeWildberriesServer Server { get; }

    public IMarketplaceClient Client { get; }

    /// <summary>The public-address fetcher the adapter's attachment fetcher wraps.</summary>
    public RecordingMediaFetcher Inner { get; }

    public IMediaFetcher Media => provider.GetRequiredService<IMediaFetcher>();

    public T Get<T>()
        where T : notnull => provider.GetRequiredService<T>();

    public static async Task<WildberriesHarness> StartAsync(TimeProvider? time = null, IDictionary<string, string?>? settings = null, FakeWildberriesServer? server = null)
    {
        server ??= await FakeWildberriesServer.StartAsync();
        var values = new Dictionary<string, string?>
        {
            ["Marketplace:Wildberries:Token"] = server.Token,
            ["Marketplace:Wildberries:BaseUrl"] = server.BaseUrl,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var inner = new RecordingMediaFetcher();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        services.AddLogging();
        services.AddSingleton(time ?? TimeProvider.System);
        services.AddSingleton<BridgeHealth>();
        services.AddSingleton<IMediaFetcher>(inner);
        services.AddWildberries();
        return new WildberriesHarness(server, services.BuildServiceProvider(validateScopes: true), inner);
    }

    public async ValueTask DisposeAsync()
    {
        await provider.DisposeAsync();
        await Server.DisposeAsync();
    }
}
