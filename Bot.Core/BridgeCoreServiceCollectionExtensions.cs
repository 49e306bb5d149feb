using Bot.Core.Buyers;
using Bot.Core.Chat;
using Bot.Core.Conversations;
using Bot.Core.Drafts;
using Bot.Core.Export;
using Bot.Core.Feedback;
using Bot.Core.Leases;
using Bot.Core.MarketplaceRelay;
using Bot.Core.Messages;
using Bot.Core.Outbox;
using Bot.Core.OrderCards;
using Bot.Core.Routing;
using Bot.Core.Staff;
using Bot.Core.Translation;
using Bot.Core.Workflow;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Core;

public static class BridgeCoreServiceCollectionExtensions
{
    /// <summary>Every module of the relay core, each registering only its own types. Storage
    /// (<see cref="Storage.StorageServiceCollectionExtensions.AddStorage"/>) comes first; the host provides the chat
    /// gateway (<see cref="ChatServiceCollectionExtensions.AddChatGateway{T}"/>), <see cref="IBotIdentity"/>,
    /// <see cref="Marketplace.IMarketplaceClient"/> and <see cref="Marketplace.IMediaFetcher"/>. Without a configured translator
    /// (<see cref="TranslationServiceCollectionExtensions.AddTranslation"/>) texts pass untranslated.</summary>
    public static IServiceCollection AddBridgeCore(this IServiceCollection services) => services
        .AddLeases()
        .AddChat()
        .AddConversations()
        .AddMessages()
        .AddOutbox()
        .AddFeedback()
        .AddRouting()
        .AddExport()
        .AddDrafts()
        .AddStaff()
        .AddWorkflow()
        .AddBuyers()
        .AddMarketplaceRelay()
        .AddOrderCards()
        .AddTranslationCache()
        .AddPassThroughTranslation();
}
