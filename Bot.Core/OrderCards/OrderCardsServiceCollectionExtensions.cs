using Bot.Core.Workflow;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Bot.Core.OrderCards;

public static class OrderCardsServiceCollectionExtensions
{
    /// <summary>The order card's refresh: what the order says, edited into the card while the conversation is active.</summary>
    public static IServiceCollection AddOrderCards(this IServiceCollection services)
    {
        services.AddOptions<OrderCardOptions>().BindConfiguration(OrderCardOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OrderCardOptions>, OrderCardOptionsValidator>();
        services.AddSingleton<OrderCardRefresher>();
        // Replaces the workflow's quiet-only rule: a topic whose order is still going stays open.
        services.Replace(ServiceDescriptor.Singleton<ITopicClosePolicy, OrderStatusClosePolicy>());
        return services;
    }
}
