using Microsoft.Extensions.DependencyInjection;

namespace Bot.Core.Runtime;

/// <summary>A typed HTTP client without the typed-client factory. <c>AddHttpClient&lt;T&gt;</c> builds each typed
/// client through a constructor delegate compiled from an expression tree, which loads System.Linq.Expressions and
/// the code it compiles (about 3 MiB resident for the whole process); this registers the same named client (the
/// type's name, as <c>AddHttpClient&lt;T&gt;</c> names it) and creates <typeparamref name="TClient"/> by reflection,
/// transient as before.</summary>
public static class PlainHttpClients
{
    /// <summary>As <c>AddHttpClient&lt;TClient, TImplementation&gt;(configure)</c>; the returned builder configures
    /// the named client as before.</summary>
    public static IHttpClientBuilder AddPlainHttpClient<TClient, TImplementation>(this IServiceCollection services, Action<IServiceProvider, HttpClient> configure)
        where TClient : class
        where TImplementation : class, TClient
    {
        var name = typeof(TClient).Name;
        services.AddTransient<TClient>(sp => ActivatorUtilities.CreateInstance<TImplementation>(sp, sp.GetRequiredService<IHttpClientFactory>().CreateClient(name)));
        return services.AddHttpClient(name, configure);
    }
}
