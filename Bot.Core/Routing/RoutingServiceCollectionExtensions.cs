using Bot.Core.Retention;
using Bot.Core.Routing.Parking;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Core.Routing;

public static class RoutingServiceCollectionExtensions
{
    /// <summary>The core's entry for what people do in Telegram: each message, edit and button press to the route of
    /// the chat it came from; updates that failed are parked. Each audience adds its <see cref="IChatRoute"/> and
    /// <see cref="ICallbackHandler"/>s.</summary>
    public static IServiceCollection AddRouting(this IServiceCollection services)
    {
        services.AddSingleton<IChatUpdateHandler, ChatUpdateRouter>();
        services.AddSingleton<CallbackConversations>();
        services.AddRetentionTarget<IParkedUpdateRepository>(
            "settled parked updates", o => o.ParkedUpdates, (parked, before, limit, ct) => parked.PruneSettledAsync(before, limit, ct));
        return services;
    }
}
