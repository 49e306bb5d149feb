using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Core.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>What every database shares: the connection string from <c>ConnectionStrings:Bridge</c>, and the schema
    /// brought up to date before any other service starts. A database folder adds the rest (e.g. AddSqliteStorage).</summary>
    public static IServiceCollection AddStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>()
            .Configure<IConfiguration>((o, configuration) =>
                o.ConnectionString = configuration.GetConnectionString("Bridge") ?? o.ConnectionString)
            .Validate(o => !string.IsNullOrWhiteSpace(o.ConnectionString), "Set ConnectionStrings__Bridge to a SQLite connection string, e.g. \"Data Source=bridge.db\", or a PostgreSQL one, e.g. \"Host=localhost;Database=bridge;Username=bridge;Password=...\".")
            .ValidateOnStart();
        services.AddHostedService<MigrationHostedService>();
        return services;
    }
}
