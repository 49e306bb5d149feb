using Bot.Core.Retention;
using Bot.Core.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Core.Outbox;

public static class OutboxServiceCollectionExtensions
{
    /// <summary>The outbox: stored deliveries, their retries, the dispatcher and the relay's counters. Each module adds its
    /// <see cref="IDeliveryHandler"/>s.</summary>
    public static IServiceCollection AddOutbox(this IServiceCollection services)
    {
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section)
            .Validate(o => o.MaxAttempts >= 1 && o.MaxParallelDeliveries >= 1, "Relay__MaxAttempts and Relay__MaxParallelDeliveries must be at least 1.")
            .Validate(o => o.RetryFor >= TimeSpan.Zero, "Relay__RetryFor must not be negative (e.g. 1.00:00:00 for a day).")
            .Validate(o => o.RetryBaseDelay > TimeSpan.Zero && o.MaxRetryDelay >= o.RetryBaseDelay, "Relay__RetryBaseDelay must be positive and Relay__MaxRetryDelay at least as long.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<RelayMetrics>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICounterSource, RelayMetrics>(sp => sp.GetRequiredService<RelayMetrics>()));
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<RetryPolicy>();
        services.AddSingleton<ConversationLabels>();
        services.AddSingleton<DeliveryRecords>();
        services.AddSingleton<StaffChatChooser>();
        services.TryAddSingleton<IDeliveryClaims, LeasedDeliveryClaims>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddRetentionTarget<IOutboxRepository>(
            "delivered outbox rows", o => o.DoneDeliveries, (outbox, before, limit, ct) => outbox.PruneAsync(OutboxStatus.Done, before, limit, ct));
        services.AddRetentionTarget<IOutboxRepository>(
            "dead letters", o => o.DeadLetters, (outbox, before, limit, ct) => outbox.PruneAsync(OutboxStatus.Dead, before, limit, ct));
        return services;
    }
}
