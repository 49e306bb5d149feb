using Bot.Core.Storage;
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
        var fallback = services.LastOrDefault(d => d.ServiceType == typeof(IDbConnectionFactory))
            ?? throw new InvalidOperationException("AddPostgresStorage goes after the storage that serves a file (AddSqliteStorage).");
        services.AddSingleton<PostgresConnectionFactory>();
        services.Replace(ServiceDescriptor.Singleton<IDbConnectionFactory>(sp =>
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.UsesPostgres
                ? sp.GetRequiredService<PostgresConnectionFactory>()
                : (IDbConnectionFactory)Create(sp, fallback)));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, PostgresStorageValidation>());
        return services;
    }

    private static object Create(IServiceProvider services, ServiceDescriptor descriptor) =>
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(services)
        ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!);
}
