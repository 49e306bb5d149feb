using Bot.Core.Buyers;
using Bot.Core.Conversations;
using Bot.Core.Export;
using Bot.Core.Marketplace;
using Bot.Core.MarketplaceRelay;
using Bot.Core.Messages;
using Bot.Core.Operations.Alerts;
using Bot.Core.Outbox;
using Bot.Core.Routing.Parking;
using Bot.Core.Staff;
using Bot.Core.Storage;
using Bot.Core.Translation.Caching;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Core.Sqlite;

public static class SqliteStorageServiceCollectionExtensions
{
    /// <summary>The SQLite database: connections, migrations and every repository. Goes with
    /// <see cref="StorageServiceCollectionExtensions.AddStorage"/> (the connection string and the migration at start).</summary>
    public static IServiceCollection AddSqliteStorage(this IServiceCollection services)
    {
        services.AddSingleton<IDbConnectionFactory, SqliteConnectionFactory>();
        services.AddSingleton<IMigrationRunner, SqliteMigrationRunner>();
        services.AddSingleton<ICursorRepository, SqliteCursorRepository>();
        services.AddSingleton<Leases.ILeaseRepository, SqliteLeaseRepository>();
        services.AddSingleton<IConversationRepository, SqliteConversationRepository>();
        services.AddSingleton<ICardMessageRepository, SqliteCardMessageRepository>();
        services.AddSingleton<IMessageRepository, SqliteMessageRepository>();
        services.AddSingleton<IOutboxRepository, SqliteOutboxRepository>();
        services.AddSingleton<IDeadLetterRepository, SqliteDeadLetterRepository>();
        services.AddSingleton<IBuyerLinkRepository, SqliteBuyerLinkRepository>();
        services.AddSingleton<IInviteRepository, SqliteInviteRepository>();
        services.AddSingleton<IStaffEditRepository, SqliteStaffEditRepository>();
        services.AddSingleton<ISetAsideRepository, SqliteSetAsideRepository>();
        services.AddSingleton<IAlertRepository, SqliteAlertRepository>();
        services.AddSingleton<IParkedUpdateRepository, SqliteParkedUpdateRepository>();
        services.AddSingleton<Workflow.IWorkflowRepository, SqliteWorkflowRepository>();
        services.AddSingleton<ITranslationCacheRepository, SqliteTranslationCacheRepository>();
        services.AddSingleton<IMarketplaceAuthorizationRepository, SqliteMarketplaceAuthorizationRepository>();
        services.AddSingleton<IOrderCardRepository, SqliteOrderCardRepository>();
        services.AddSingleton<ITranscriptRepository, SqliteTranscriptRepository>();
        services.AddSingleton<Drafts.IDraftRepository, SqliteDraftRepository>();
        services.AddSingleton<Drafts.IDraftRequestRepository, SqliteDraftRequestRepository>();
        services.AddSingleton<IMarketplaceCallCountRepository, SqliteMarketplaceCallCountRepository>();
        return services;
    }
}
