using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Core.Retention;

public static class RetentionServiceCollectionExtensions
{
    /// <summary>The pruner and its options (section "Retention"). Each module registers what it keeps with <see cref="AddRetentionTarget{T}"/>.</summary>
    public static IServiceCollection AddRetention(this IServiceCollection services)
    {
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section)
            .Validate(
                o => new[] { o.DoneDeliveries, o.DeadLetters, o.TranslationCache, o.Interval, o.ParkedUpdates, o.ResolvedAlerts, o.SetAsideItems, o.ExpiredInvitations }
                    .All(span => span > TimeSpan.Zero),
                "Every Retention__ setting (DoneDeliveries, DeadLetters, TranslationCache, Interval, ParkedUpdates, ResolvedAlerts, SetAsideItems, ExpiredInvitations) must be a positive time span (e.g. 30.00:00:00).")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DatabasePruner>();
        return services;
    }

    /// <summary>Registers a module's <see cref="IRetentionTarget"/> (already registered as itself) for the pruner.</summary>
    public static IServiceCollection AddRetentionTarget<T>(this IServiceCollection services)
        where T : class, IRetentionTarget
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRetentionTarget, T>(sp => sp.GetRequiredService<T>()));
        return services;
    }

    /// <summary>Registers the settled rows of a table family, deleted through its repository: e.g.
    /// <c>AddRetentionTarget&lt;IAlertRepository&gt;("resolved alerts", o =&gt; o.ResolvedAlerts, (r, before, limit, ct) =&gt; r.PruneResolvedAsync(before, limit, ct))</c>.</summary>
    public static IServiceCollection AddRetentionTarget<TRepository>(
        this IServiceCollection services,
        string what,
        Func<RetentionOptions, TimeSpan> keepFor,
        Func<TRepository, DateTimeOffset, int, CancellationToken, Task<int>> prune)
        where TRepository : notnull
    {
        services.AddSingleton<IRetentionTarget>(sp =>
        {
            var repository = sp.GetRequiredService<TRepository>();
            return new SettledRows(what, keepFor, (before, limit, cancellationToken) => prune(repository, before, limit, cancellationToken));
        });
        return services;
    }
}
