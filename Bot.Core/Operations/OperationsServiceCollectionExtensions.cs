using Bot.Core.Operations.Alerts;
using Bot.Core.Operations.Commands;
using Bot.Core.Outbox;
using Bot.Core.Retention;
using Bot.Core.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Bot.Core.Operations;

public static class OperationsServiceCollectionExtensions
{
    /// <summary>Operator commands, alerts and the status snapshot. Needs <see cref="BridgeCoreServiceCollectionExtensions.AddBridgeCore"/>;
    /// the host provides <see cref="IPollWakeUp"/>.</summary>
    public static IServiceCollection AddOperators(this IServiceCollection services)
    {
        services.AddOptions<OperatorOptions>().ValidateOnStart();
        services.AddSingleton<IConfigureOptions<OperatorOptions>, OperatorOptionsSetup>();
        services.AddSingleton<IValidateOptions<OperatorOptions>, OperatorOptionsValidator>();
        services.AddOptions<OperationsOptions>().BindConfiguration("Operations")
            .Validate(o => o.AlertCheckInterval > TimeSpan.Zero && o.AlertReminderInterval > TimeSpan.Zero,
                "Operations__AlertCheckInterval and Operations__AlertReminderInterval must be positive, e.g. 00:00:30 and 01:00:00.")
            .Validate(o => o.ReadyMaxPollAge > TimeSpan.Zero && o.ReadyMaxTelegramSilence > TimeSpan.Zero && o.ReadyDatabaseTimeout > TimeSpan.Zero,
                "Operations__ReadyMaxPollAge, Operations__ReadyMaxTelegramSilence and Operations__ReadyDatabaseTimeout must be positive.")
            .ValidateOnStart();
        services.AddSingleton<BridgeHealth>();
        services.AddSingleton<StaffChatWatch>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDeliveryObserver, StaffChatWatch>(sp => sp.GetRequiredService<StaffChatWatch>()));
        services.AddSingleton<StatusReader>();
        services.AddRetentionTarget<IAlertRepository>(
            "resolved alerts", o => o.ResolvedAlerts, (alerts, before, limit, ct) => alerts.PruneResolvedAsync(before, limit, ct));
        services.AddSingleton<DeadLetterReader>();
        services.AddSingleton<RetryWatch>();
        services.AddSingleton<AlertMonitor>();
        services.AddSingleton<IOperatorCommand, StatusCommand>();
        services.AddSingleton<IOperatorCommand, DeadLettersCommand>();
        services.AddSingleton<IOperatorCommand, RetryCommand>();
        services.AddSingleton<IOperatorCommand, PauseCommand>();
        services.AddSingleton<IOperatorCommand, ResumeCommand>();
        services.AddSingleton<IOperatorCommand, SetAsideCommand>();
        services.AddSingleton<IOperatorCommand, UpdatesCommand>();
        services.AddSingleton<IOperatorCommand, ExportCommand>();
        services.AddSingleton<IChatRoute, OperatorCommandRoute>();
        return services;
    }
}
