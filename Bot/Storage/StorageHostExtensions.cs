using Bot.Core.Retention;
using Bot.Core.Postgres;
using Bot.Core.Sqlite;
using Bot.Core.Storage;

namespace Bot.Storage;

internal static class StorageHostExtensions
{
    /// <summary>SQLite storage (Core) and the loop that keeps it bounded.</summary>
    public static IServiceCollection AddStorageHost(this IServiceCollection services)
    {
        services.AddStorage().AddSqliteStorage().AddPostgresStorage();
        services.AddRetention();
        services.AddHostedService<RetentionWorker>();
        return services;
    }
}
