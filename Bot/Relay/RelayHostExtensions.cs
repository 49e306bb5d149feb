using Bot.Core.Relay;

namespace Bot.Relay;

internal static class RelayHostExtensions
{
    /// <summary>The relay core, its outbox worker and the media fetcher.</summary>
    public static IServiceCollection AddRelayHost(this IServiceCollection services)
    {
        services.AddRelay();
        services.AddHttpClient<IMediaFetcher, HttpMediaFetcher>(http => http.Timeout = TimeSpan.FromSeconds(30));
        services.AddHostedService<OutboxWorker>();
        return services;
    }
}
