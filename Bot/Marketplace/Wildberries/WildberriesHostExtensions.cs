using Bot.Core.Marketplace;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Bot.Marketplace.Wildberries;

public static class WildberriesHostExtensions
{
    /// <summary>Registers the Wildberries adapter as the <see cref="IMarketplaceClient"/>: options from
    /// <c>Marketplace:Wildberries</c> validated at start, a paced HTTP client, the token's expiry watch, and the fetcher
    /// of buyers' attachments in front of the public-address <see cref="IMediaFetcher"/> (registered before this).</summary>
    public static IServiceCollection AddWildberries(this IServiceCollection services)
    {
        services.AddOptions<WildberriesOptions>().BindConfiguration(WildberriesOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WildberriesOptions>, WildberriesOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<MarketplaceCallMeter>();

        services.AddHttpClient(WildberriesApi.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<WildberriesPacer>();
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<WildberriesApi>(sp,
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(WildberriesApi.HttpClientName)));
        services.AddSingleton<WildberriesPoster>();
        services.AddSingleton<WildberriesChats>();
        services.AddSingleton<WildberriesEventMapper>();
        services.AddSingleton<WildberriesUploads>();
        services.AddSingleton<WildberriesMarketplaceClient>();
        services.AddSingleton<IMarketplaceClient>(sp => sp.GetRequiredService<WildberriesMarketplaceClient>());
        services.AddSingleton<WildberriesTokenWatch>();
        services.AddHostedService(sp => sp.GetRequiredService<WildberriesTokenWatch>());

        if (services.LastOrDefault(d => d.ServiceType == typeof(IMediaFetcher)) is { } inner)
        {
            services.Remove(inner);
            services.Add(ServiceDescriptor.Describe(typeof(IMediaFetcher),
                sp => ActivatorUtilities.CreateInstance<WildberriesMediaFetcher>(sp, Create(sp, inner)), inner.Lifetime));
        }

        return services;
    }

    private static IMediaFetcher Create(IServiceProvider services, ServiceDescriptor descriptor) =>
        (IMediaFetcher)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));
}
