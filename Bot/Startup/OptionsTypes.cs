using Microsoft.Extensions.Options;

namespace Bot.Startup;

/// <summary>Every options type the bridge configures, so that the start-up check can empty their caches between rounds
/// (a failed options instance is cached with its exception).</summary>
internal sealed class OptionsTypes(IReadOnlyList<Type> types)
{
    public static OptionsTypes Of(IServiceCollection services) => new(services
        .Select(d => d.ServiceType)
        .Where(t => t.IsGenericType && (t.GetGenericTypeDefinition() == typeof(IConfigureOptions<>)
            || t.GetGenericTypeDefinition() == typeof(IPostConfigureOptions<>) || t.GetGenericTypeDefinition() == typeof(IValidateOptions<>)))
        .Select(t => t.GetGenericArguments()[0])
        .Distinct()
        .ToList());

    public void ClearCaches(IServiceProvider services)
    {
        foreach (var type in types)
        {
            var cacheType = typeof(IOptionsMonitorCache<>).MakeGenericType(type);
            if (services.GetService(cacheType) is { } cache)
            {
                cacheType.GetMethod(nameof(IOptionsMonitorCache<object>.Clear))!.Invoke(cache, null);
            }
        }
    }
}
