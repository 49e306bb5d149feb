using Bot.Core.Retention;
using Bot.Core.Runtime;
using Bot.Core.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Bot.Core.Drafts;

public static class DraftsServiceCollectionExtensions
{
    /// <summary>Drafted replies: the Draft and Send buttons, the queue of requests and the model's client. The host runs
    /// the queue (<see cref="DraftQueue"/> through <see cref="DraftWriter"/>).</summary>
    public static IServiceCollection AddDrafts(this IServiceCollection services)
    {
        services.AddOptions<DraftOptions>().BindConfiguration(DraftOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DraftOptions>, DraftOptionsValidator>());
        services.AddRetentionTarget<IDraftRepository>("drafted replies", o => o.Drafts, (drafts, before, limit, ct) => drafts.PruneAsync(before, limit, ct));
        services.AddSingleton<DraftQueue>();
        services.AddSingleton<DraftWriter>();
        services.AddSingleton<ICallbackHandler, DraftCallback>();
        services.AddSingleton<ICallbackHandler, DraftSendCallback>();
        services.AddPlainHttpClient<DraftModel, DraftModel>((sp, client) => client.Timeout = sp.GetRequiredService<IOptions<DraftOptions>>().Value.Timeout)
            // A singleton's client is never renewed by the factory: let the pool recycle connections (DNS changes).
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        return services;
    }
}
