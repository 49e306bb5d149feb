using Bot.Core.Translation.Caching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Core.Retention;

public static class RetentionServiceCollectionExtensions
{
    /// <summary>The pruner and its options (section "Retention"). Needs storage and the relay (the outbox) registered.</summary>
    public static IServiceCollection AddRetention(this IServiceCollection services)
    {
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section)
            .Validate(
                o => o.DoneDeliveries > TimeSpan.Zero && o.DeadLetters > TimeSpan.Zero && o.TranslationCache > TimeSpan.Zero && o.Interval > TimeSpan.Zero,
                "Retention__DoneDeliveries, Retention__DeadLetters, Retention__TranslationCache and Retention__Interval must be positive time spans (e.g. 7.00:00:00).")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TranslationCache>();
        services.TryAddSingleton<DatabasePruner>();
        return services;
    }
}
