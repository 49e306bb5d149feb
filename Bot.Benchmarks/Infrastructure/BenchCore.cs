using Bot.Core.Chat;
using Bot.Core.Marketplace;
using Bot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Benchmarks.Infrastructure;

/// <summary>The relay core composed the way the host composes it (by <see cref="CoreServices"/>, the builder the
/// tests' core harness uses too) on a SQLite file, with the ports the benchmark provides and no media.</summary>
public sealed class BenchCore : IAsyncDisposable
{
    public const long StaffChatId = -1001000000001;

    private readonly CoreServices core;

    private BenchCore(CoreServices core) => this.core = core;

    public string DatabasePath => core.DatabasePath;

    public T Get<T>()
        where T : notnull => core.Get<T>();

    /// <param name="unlimited">Lifts Telegram's budgets in the core's limiter (the limiter still runs).</param>
    /// <param name="databasePath">An existing database to use (kept on dispose); null for a fresh temporary one.</param>
    /// <param name="configure">Registrations made before <c>AddBridgeCore</c>, which only adds what is still missing.</param>
    public static async Task<BenchCore> StartAsync(
        IChatGateway rawGateway,
        IMarketplaceClient marketplace,
        TimeProvider time,
        bool unlimited,
        string? databasePath = null,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configure = null,
        Action<IServiceCollection>? afterCore = null)
    {
        var values = new Dictionary<string, string?>();
        if (unlimited)
        {
            values["Telegram:Limits:PrivatePerSecond"] = "100000000";
            values["Telegram:Limits:GroupPerMinute"] = "100000000";
            values["Telegram:Limits:GlobalPerSecond"] = "100000000";
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        return new BenchCore(await CoreServices.StartAsync(new CoreSetup
        {
            ChatGateway = rawGateway,
            Marketplace = marketplace,
            Time = time,
            StaffChatId = StaffChatId,
            DatabasePath = databasePath,
            Settings = values,
            BeforeCore = configure,
            AfterCore = services =>
            {
                services.AddSingleton<IMediaFetcher, NoMediaFetcher>();
                services.AddSingleton<IBotIdentity, BenchBotIdentity>();
                afterCore?.Invoke(services);
            },
        }));
    }

    public ValueTask DisposeAsync() => core.DisposeAsync();
}
