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
            {
                o.ConnectionString = configuration.GetConnectionString("Bridge") ?? o.ConnectionString;
                o.Schema = StorageOptions.SchemaIn(configuration);
            })
            .Validate(o => !string.IsNullOrWhiteSpace(o.ConnectionString), "Set ConnectionStrings__Bridge to a SQLite connection string, e.g. \"Data Source=bridge.db\", or a PostgreSQL one, e.g. \"Host=localhost;Database=bridge;Username=bridge;Password=...\".")
            .ValidateOnStart();
        services.AddOptions<StoreOptions>()
            .Configure<IConfiguration>((o, configuration) => o.Id = configuration["Store:Id"] ?? o.Id)
            .Validate(o => StoreOptions.IsValid(o.Id), "Set Store__Id to the store's name: 1 to 40 letters, digits, '-' or '_' (e.g. shop-a).")
            .ValidateOnStart();
        services.AddHostedService<MigrationHostedService>();
        return services;
    }
}
