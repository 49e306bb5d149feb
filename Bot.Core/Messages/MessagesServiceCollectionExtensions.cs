using Microsoft.Extensions.DependencyInjection;

namespace Bot.Core.Messages;

public static class MessagesServiceCollectionExtensions
{
    /// <summary>The message record (every message that passed through and its copies). A buyer module replaces
    /// nothing here: it registers its own <see cref="IBuyerFanOut"/>.</summary>
    public static IServiceCollection AddMessages(this IServiceCollection services)
    {
        return services;
    }
}
