using Bot.Core.Messages;
using Bot.Core.Outbox;
using Bot.Core.Retention;
using Bot.Core.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Core.Buyers;

public static class BuyersServiceCollectionExtensions
{
    /// <summary>Buyers in Telegram: invitations, links, the private-chat relay and quick replies. The host provides
    /// <see cref="Chat.IBotIdentity"/> and sets <see cref="BuyerOptions.InviteKey"/> when it is not configured.</summary>
    public static IServiceCollection AddBuyers(this IServiceCollection services)
    {
        services.AddOptions<BuyerOptions>().BindConfiguration("Buyers")
            .Validate(o => o.InviteTtl > TimeSpan.Zero, "Buyers__InviteTtl must be positive, e.g. 7.00:00:00.")
            .Validate(o => o.FloodLimitPerMinute >= 1, "Buyers__FloodLimitPerMinute must be at least 1.")
            .Validate(o => o.StrangerRepliesPerMinute >= 1, "Buyers__StrangerRepliesPerMinute must be at least 1.")
            .Validate(o => o.InviteKey.Length >= 16, "Buyers__InviteKey must be at least 16 characters (or left empty to derive it from the bot token).")
            .ValidateOnStart();
        services.AddSingleton<InviteCodes>();
        services.AddSingleton<ExpiredInvitations>();
        services.AddRetentionTarget<ExpiredInvitations>();
        services.AddSingleton<BuyerTexts>();
        services.AddSingleton<FloodGuard>();
        services.AddSingleton<BuyerLinker>();
        services.AddSingleton<BuyerMessageRelay>();
        services.AddSingleton<BuyerTopics>();
        services.AddSingleton<BuyerReachability>();
        services.AddSingleton<IBuyerFanOut, BuyerFanOut>();
        services.AddSingleton<IChatRoute, BuyerChatRoute>();
        services.AddSingleton<ICallbackHandler, OrderChoiceCallback>();
        services.AddSingleton<ICallbackHandler, QuickReplyCallback>();
        services.AddSingleton<IDeliveryHandler, BuyerPostHandler>();
        services.AddSingleton<IDeliveryHandler, BuyerInviteHandler>();
        return services;
    }
}
