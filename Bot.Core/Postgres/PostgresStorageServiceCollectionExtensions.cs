using Bot.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Bot.Core.Postgres;

public static class PostgresStorageServiceCollectionExtensions
{
    /// <summary>PostgreSQL when <c>ConnectionStrings:Bridge</c> names a server; otherwise the database registered before
    /// (SQLite). Goes after <c>AddSqliteStorage()</c>: the repositories, the migration runner and the migrations are
    /// the same, their SQL rewritten where the two databases differ (<see cref="PostgresDialect"/>).</summary>
    public static IServiceCollection AddPostgresStorage(this IServiceCollection services)
    {
        var fallback = services.LastOrDefault(d => d.ServiceType == typeof(IDbConnectionFactory));
        services.AddSingleton<PostgresConnectionFactory>();
        services.AddSingleton<PostgresBotRegistry>();
        // On SQLite neither the PostgreSQL registry nor its connection factory is built: building them loads Npgsql
        // (about 1.5 MiB resident) for nothing.
        services.AddSingleton<Leases.IBotRegistry>(sp =>
            UsesPostgres(sp) ? sp.GetRequiredService<PostgresBotRegistry>() : new Leases.UnsharedBotRegistry());
        services.Replace(ServiceDescriptor.Singleton<IDbConnectionFactory>(sp =>
            UsesPostgres(sp)
                ? sp.GetRequiredService<PostgresConnectionFactory>()
                : (IDbConnectionFactory)Create(sp, fallback ?? throw new InvalidOperationException("AddPostgresStorage goes after the storage that serves a file (AddSqliteStorage)."))));
        services.AddOptions<PostgresConnectionOptions>()
            .Configure<IConfiguration>((o, configuration) =>
            {
                o.ConnectionString = configuration.GetConnectionString("Bridge") ?? "";
                o.Schema = StorageOptions.SchemaIn(configuration);
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PostgresConnectionOptions>, PostgresStorageValidation>());
        return services;
    }

    /// <summary>Read before validation: the host builds some services before its start-up check, which reports a bad
    /// connection string in one sentence.</summary>
    private static bool UsesPostgres(IServiceProvider services)
    {
        var options = new StorageOptions();
        foreach (var configure in services.GetServices<IConfigureOptions<StorageOptions>>())
        {
            configure.Configure(options);
        }

        return options.UsesPostgres;
    }

    private static object Create(IServiceProvider services, ServiceDescriptor descriptor) =>
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(services)
        ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!);
}
