using System.Globalization;
using Bot.Core.Marketplace;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Testing.Hosting;

/// <summary>The real host composition (<see cref="BridgeApp"/>) started in-process against fakes that speak HTTP on
/// 127.0.0.1. A test may swap the marketplace port for an in-memory one: that replaces the adapter, not the relay.</summary>
public sealed class BridgeHost : IAsyncDisposable
{
    public const long StaffChatId = -1001000000001;

    private readonly WebApplication app;

    private BridgeHost(WebApplication app, string databasePath)
    {
        this.app = app;
        DatabasePath = databasePath;
        Url = LoopbackServer.AddressOf(app.Services);
    }

    public string Url { get; }

    public string DatabasePath { get; }

    public IServiceProvider Services => app.Services;

    public T Get<T>()
        where T : notnull => app.Services.GetRequiredService<T>();

    public static Dictionary<string, string?> Settings(string telegramBaseUrl, string token, string databasePath) => new()
    {
        ["Telegram:BotToken"] = token,
        ["Telegram:StaffChatId"] = StaffChatId.ToString(CultureInfo.InvariantCulture),
        ["Telegram:ApiBaseUrl"] = telegramBaseUrl,
        ["Telegram:PollTimeoutSeconds"] = "1",
        ["ConnectionStrings:Bridge"] = $"Data Source={databasePath}",
        ["Urls"] = "http://127.0.0.1:0",
        ["Marketplace:AliExpress:PollInterval"] = "00:00:00.200",
        // The adapter's settings must be valid even where a test swaps in an in-memory marketplace.
        ["Marketplace:AliExpress:AppKey"] = "500001",
        ["Marketplace:AliExpress:AppSecret"] = "test-app-secret-0123456789",
        ["Marketplace:AliExpress:AccessToken"] = "test-session",
        ["Marketplace:AliExpress:SellerLoginId"] = "cn1000seller",
        ["Relay:RetryBaseDelay"] = "00:00:00.200",
        // The fake image servers listen on 127.0.0.1, which production refuses to fetch from.
        ["Relay:AllowPrivateMediaHosts"] = "true",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    public static async Task<BridgeHost> StartAsync(
        BotApi.FakeTelegramServer telegram,
        IMarketplaceClient? marketplace,
        IDictionary<string, string?>? overrides = null,
        string? databasePath = null,
        Action<WebApplicationBuilder>? configure = null)
    {
        databasePath ??= Path.Combine(Directory.CreateTempSubdirectory("bridge-e2e-").FullName, "bridge.db");
        var builder = BridgeApp.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(Settings(telegram.BaseUrl, telegram.Token, databasePath));
        // Under BRIDGE_TEST_DATABASE=postgres the path names a PostgreSQL database instead, unless the test names its own.
        if (Postgres.PostgresServer.UnderTest && overrides?.ContainsKey("ConnectionStrings:Bridge") != true)
        {
            builder.Configuration.AddInMemoryCollection([new("ConnectionStrings:Bridge", await Postgres.PostgresServer.DatabaseForAsync(databasePath))]);
        }

        builder.Configuration.AddInMemoryCollection(overrides ?? new Dictionary<string, string?>());
        builder.AddBridge();
        configure?.Invoke(builder);
        if (marketplace is not null)
        {
            builder.Services.RemoveAll<IMarketplaceClient>();
            builder.Services.AddSingleton(marketplace);
        }

        var app = builder.BuildBridge();
        var problems = app.ValidateConfiguration();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join(" ", problems));
        }

        await app.StartAsync();
        return new BridgeHost(app, databasePath);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
