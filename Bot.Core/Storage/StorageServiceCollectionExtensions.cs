using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Core.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>SQLite storage: the connection string comes from <c>ConnectionStrings:Bridge</c>.</summary>
    public static IServiceCollection AddStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>()
            .Configure<IConfiguration>((o, configuration) =>
                o.ConnectionString = configuration.GetConnectionString("Bridge") ?? o.ConnectionString)
            .Validate(o => !string.IsNullOrWhiteSpace(o.ConnectionString), "Set ConnectionStrings__Bridge to a SQLite connection string, e.g. \"Data Source=bridge.db\".")
            .ValidateOnStart();
        services.AddSingleton<IDbConnectionFactory, SqliteConnectionFactory>();
        services.AddSingleton<MigrationRunner>();
        services.AddSingleton<CursorStore>();
        services.AddHostedService<MigrationHostedService>();
        return services;
    }
}
