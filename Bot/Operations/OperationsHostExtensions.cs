using Bot.Core.Operations;
using Bot.Marketplace;
using Bot.Operations.Access;
using Microsoft.Extensions.Options;

namespace Bot.Operations;

internal static class OperationsHostExtensions
{
    /// <summary>Operator commands and alerts (Core), the readiness check, the status page, /metrics, who may read them, and the alert loop.</summary>
    public static IServiceCollection AddOperations(this IServiceCollection services)
    {
        services.AddOperators();
        services.AddSingleton<IPollWakeUp>(sp => sp.GetRequiredService<PollerWakeUp>());
        services.AddOptions<OperatorHttpOptions>().BindConfiguration("Operators").ValidateOnStart();
        services.AddSingleton<IValidateOptions<OperatorHttpOptions>, OperatorHttpOptionsValidator>();
        services.AddSingleton<OperatorAccess>();
        services.AddSingleton<ReadinessCheck>();
        services.AddSingleton<StatusPage>();
        services.AddSingleton<FirstResponseSection>();
        services.AddSingleton<PrometheusExporter>();
        services.AddHostedService<AlertWorker>();
        return services;
    }
}
