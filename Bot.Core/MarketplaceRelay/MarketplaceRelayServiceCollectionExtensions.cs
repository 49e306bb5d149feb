using Bot.Core.Conversations;
using Bot.Core.Marketplace;
using Bot.Core.Outbox;
using Bot.Core.Retention;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Core.MarketplaceRelay;

public static class MarketplaceRelayServiceCollectionExtensions
{
    /// <summary>The marketplace side: taking in what the marketplace lists (with echo suppression and set-aside items)
    /// and posting staff and buyer replies into it. The host provides <see cref="Marketplace.IMarketplaceClient"/> and
    /// <see cref="Marketplace.IMediaFetcher"/>.</summary>
    public static IServiceCollection AddMarketplaceRelay(this IServiceCollection services)
    {
        services.AddOptions<MarketplaceRelayOptions>().BindConfiguration(MarketplaceRelayOptions.Section).ValidateOnStart();
        services.AddRetentionTarget<ISetAsideRepository>(
            "set-aside marketplace items", o => o.SetAsideItems, (setAside, before, limit, ct) => setAside.PruneAsync(before, limit, ct));
        services.AddSingleton<EchoMatcher>();
        services.AddSingleton<MarketplaceIngestor>();
        services.AddSingleton<StaffFileUpload>();
        services.AddSingleton<IDeliveryHandler, MarketplaceSendHandler>();
        AddMark(services, OutboxKinds.MarketplaceMarkRead, (m, id, kind, ct) => m.MarkReadAsync(id, kind, ct));
        AddMark(services, OutboxKinds.MarketplaceMarkProcessed, (m, id, kind, ct) => m.MarkProcessedAsync(id, kind, ct));
        return services;
    }

    private static void AddMark(IServiceCollection services, string kind, Func<IMarketplaceClient, string, ConversationKind, CancellationToken, Task> mark) =>
        services.AddSingleton<IDeliveryHandler>(sp => ActivatorUtilities.CreateInstance<ConversationMarkHandler>(sp, kind, mark));
}
