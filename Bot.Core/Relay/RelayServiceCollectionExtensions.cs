using Bot.Core.Chat;
using Bot.Core.Conversations;
using Bot.Core.Messages;
using Bot.Core.Outbox;
using Bot.Core.Relay.Delivery;
using Bot.Core.Retention;
using Bot.Core.Translation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Core.Relay;

public static class RelayServiceCollectionExtensions
{
    /// <summary>The relay core. The host provides <see cref="IChatGateway"/> (registered as the raw gateway with
    /// <see cref="AddChatGateway{T}"/>), <see cref="Marketplace.IMarketplaceClient"/> and <see cref="IMediaFetcher"/>.</summary>
    public static IServiceCollection AddRelay(this IServiceCollection services)
    {
        services.AddOptions<RelayOptions>().BindConfiguration("Relay")
            .Validate(o => o.StaffChatId < 0, "Set Telegram__StaffChatId to the id of the staff supergroup (a negative number like -1001234567890).")
            .Validate(o => o.MaxAttempts >= 1 && o.MaxParallelDeliveries >= 1, "Relay__MaxAttempts and Relay__MaxParallelDeliveries must be at least 1.")
            .Validate(o => o.RetryFor >= TimeSpan.Zero, "Relay__RetryFor must not be negative (e.g. 1.00:00:00 for a day).")
            .Validate(o => o.RetryBaseDelay > TimeSpan.Zero && o.MaxRetryDelay >= o.RetryBaseDelay, "Relay__RetryBaseDelay must be positive and Relay__MaxRetryDelay at least as long.")
            .ValidateOnStart();
        services.AddOptions<ChatRateOptions>().BindConfiguration("Telegram:Limits")
            .Validate(o => o.PrivatePerSecond >= 1 && o.GroupPerMinute >= 1 && o.GlobalPerSecond >= 1, "Telegram__Limits values must be at least 1.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton<RelayMetrics>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Telemetry.ICounterSource, RelayMetrics>(sp => sp.GetRequiredService<RelayMetrics>()));
        services.AddSingleton<Operations.BridgeHealth>();
        services.AddSingleton<Operations.StaffChatWatch>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDeliveryObserver, Operations.StaffChatWatch>(sp => sp.GetRequiredService<Operations.StaffChatWatch>()));
        services.AddSingleton<ConversationRepository>();
        services.AddSingleton<MessageRepository>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<RetryPolicy>();
        services.AddSingleton<ChatRateLimiter>();
        services.AddSingleton<EchoMatcher>();
        services.AddSingleton<Marketplace.SetAsideStore>();
        services.AddRetentionTarget<Marketplace.SetAsideStore>();
        services.AddSingleton<MarketplaceIngestor>();
        services.AddSingleton<DeliveryContextLoader>();
        services.AddSingleton<StaffFeedback>();
        services.AddSingleton<ReactionAvailability>();
        services.AddSingleton<ReactionSender>();
        services.AddSingleton<NoteSender>();
        services.AddSingleton<Notices>();
        services.TryAddSingleton<IBuyerFanOut, NoBuyerFanOut>();
        services.AddSingleton<TopicResolver>();
        services.AddSingleton<IDeliveryHandler, StaffPostHandler>();
        services.AddSingleton<IDeliveryHandler, MarketplaceSendHandler>();
        services.AddSingleton<IDeliveryHandler, NoticeHandler>();
        services.AddSingleton<IDeliveryHandler, ReactionHandler>();
        services.AddSingleton<IDeliveryHandler, MarkReadHandler>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<IStaffCommand, LanguageCommand>();
        services.AddSingleton<StaffEditRepository>();
        services.AddSingleton<Chat.Parking.ParkedUpdateStore>();
        services.AddRetentionTarget<Chat.Parking.ParkedUpdateStore>();
        services.AddSingleton<StaffEditHandler>();
        services.AddSingleton<StaffMessageHandler>();
        services.AddSingleton<IChatRoute>(sp => sp.GetRequiredService<StaffMessageHandler>());
        services.AddSingleton<IChatUpdateHandler, ChatUpdateRouter>();
        services.TryAddSingleton<ITranslationService, PassThroughTranslationService>();
        return services;
    }

    /// <summary>Registers the platform gateway behind the rate limiter: every send the core makes is scheduled.</summary>
    public static IServiceCollection AddChatGateway<T>(this IServiceCollection services)
        where T : class, IChatGateway
    {
        services.AddSingleton<T>();
        services.AddSingleton<IChatGateway>(sp => new ThrottledChatGateway(sp.GetRequiredService<T>(), sp.GetRequiredService<ChatRateLimiter>()));
        return services;
    }
}
