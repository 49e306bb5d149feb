using Bot.Core.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Core.Feedback;

public static class FeedbackServiceCollectionExtensions
{
    /// <summary>The bridge's own notes and reactions to people (staff, buyers, operators), sent through the outbox.</summary>
    public static IServiceCollection AddFeedback(this IServiceCollection services)
    {
        services.AddSingleton<Notices>();
        services.AddSingleton<NoteSender>();
        services.AddSingleton<ReactionSender>();
        services.AddSingleton<StaffFeedback>();
        services.AddSingleton<StaffTopicNotes>();
        services.AddSingleton<IDeliveryHandler, NoticeHandler>();
        services.AddSingleton<IDeliveryHandler, ReactionHandler>();
        return services;
    }
}
