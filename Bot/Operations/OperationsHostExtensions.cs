using Bot.Core.Operations;
using Bot.Marketplace;

namespace Bot.Operations;

internal static class OperationsHostExtensions
{
    /// <summary>Operator commands and alerts (Core), the readiness check, the status page, /metrics and the alert loop.</summary>
    public static IServiceCollection AddOperations(this IServiceCollection services)
    {
        services.AddOperators();
        services.AddSingleton<IPollWakeUp>(sp => sp.GetRequiredService<PollerWakeUp>());
        services.AddSingleton<ReadinessCheck>();
        services.AddSingleton<StatusPage>();
        services.AddSingleton<PrometheusExporter>();
        services.AddHostedService<AlertWorker>();
        return services;
    }
}
