using Bot.Core.Chat;
using Bot.Core.Marketplace;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Testing;

/// <summary>The ports and knobs of a <see cref="CoreServices"/>: what the tests' core harness and the benchmarks'
/// core differ in.</summary>
public sealed class CoreSetup
{
    /// <summary>The raw chat gateway; the core sees it behind <see cref="ThrottledChatGateway"/>, as in the host.</summary>
    public required IChatGateway ChatGateway { get; init; }

    public required IMarketplaceClient Marketplace { get; init; }

    public required TimeProvider Time { get; init; }

    /// <summary>The staff supergroup (<c>Telegram:StaffChatId</c>).</summary>
    public required long StaffChatId { get; init; }

    /// <summary>An existing database to use (kept on dispose); null for a fresh one in a temporary folder.</summary>
    public string? DatabasePath { get; init; }

    /// <summary>Configuration over the database and staff chat, e.g. <c>Relay:MaxAttempts</c>.</summary>
    public IDictionary<string, string?>? Settings { get; init; }

    /// <summary>Registrations made before <c>AddBridgeCore</c>, which only adds what is still missing.</summary>
    public Action<IServiceCollection>? BeforeCore { get; init; }

    /// <summary>Registrations made after <c>AddBridgeCore</c> (more features, ports such as the media fetcher), before
    /// the chat gateway and the marketplace are registered.</summary>
    public Action<IServiceCollection>? AfterCore { get; init; }

    /// <summary>Registrations made last, replacing or adding to everything above (e.g. a decorated database).</summary>
    public Action<IServiceCollection>? Configure { get; init; }
}
