using Bot.Core.Marketplace;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Bot.Marketplace.Demo;

public static class DemoHostExtensions
{
    /// <summary>Registers the demo marketplace as the <see cref="IMarketplaceClient"/>, with its options from the
    /// <c>Demo</c> section validated at start. It needs no marketplace credentials.</summary>
    public static IServiceCollection AddDemoMarketplace(this IServiceCollection services)
    {
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DemoOptions>, DemoOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DemoScript>();
        services.AddSingleton<DemoMarketplaceClient>();
        services.AddSingleton<IMarketplaceClient>(sp => sp.GetRequiredService<DemoMarketplaceClient>());
        return services;
    }
}
