using Bot.Core.Marketplace;
using Bot.Core.Runtime;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Media;

internal static class MediaHostExtensions
{
    /// <summary>The <see cref="IMediaFetcher"/> that downloads marketplace images, from public addresses only.</summary>
    public static IServiceCollection AddMedia(this IServiceCollection services)
    {
        services.AddOptions<MediaFetchOptions>().BindConfiguration("Relay")
            .Validate(o => o.MaxMediaRedirects is >= 0 and <= 10, "Relay__MaxMediaRedirects must be between 0 and 10.")
            .ValidateOnStart();
        services.TryAddSingleton<IMediaAddressPolicy, PublicAddressPolicy>();
        services.AddPlainHttpClient<IMediaFetcher, HttpMediaFetcher>((_, http) => http.Timeout = TimeSpan.FromSeconds(30))
            .ConfigurePrimaryHttpMessageHandler(sp => MediaHttpHandler.Create(sp.GetRequiredService<IMediaAddressPolicy>()));
        return services;
    }
}
