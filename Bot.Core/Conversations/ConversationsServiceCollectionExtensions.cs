using Microsoft.Extensions.DependencyInjection;

namespace Bot.Core.Conversations;

public static class ConversationsServiceCollectionExtensions
{
    /// <summary>Conversations and their threads in Telegram.</summary>
    public static IServiceCollection AddConversations(this IServiceCollection services)
    {
        return services;
    }
}
