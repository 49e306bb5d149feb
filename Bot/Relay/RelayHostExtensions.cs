using Bot.Core;
using Bot.Core.Marketplace;
using Bot.Relay.Media;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Relay;

internal static class RelayHostExtensions
{
    /// <summary>The relay core, its outbox worker and the media fetcher.</summary>
    public static IServiceCollection AddRelayHost(this IServiceCollection services)
    {
        services.AddBridgeCore();
        services.AddOptions<MediaFetchOptions>().BindConfiguration("Relay")
            .Validate(o => o.MaxMediaRedirects is >= 0 and <= 10, "Relay__MaxMediaRedirects must be between 0 and 10.")
            .ValidateOnStart();
        services.TryAddSingleton<IMediaAddressPolicy, PublicAddressPolicy>();
        services.AddHttpClient<IMediaFetcher, HttpMediaFetcher>(http => http.Timeout = TimeSpan.FromSeconds(30))
            .ConfigurePrimaryHttpMessageHandler(sp => MediaHttpHandler.Create(sp.GetRequiredService<IMediaAddressPolicy>()));
        services.AddHostedService<OutboxWorker>();
        return services;
    }
}
