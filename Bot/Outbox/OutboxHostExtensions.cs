namespace Bot.Outbox;

internal static class OutboxHostExtensions
{
    /// <summary>The loop that runs the outbox dispatcher (Core).</summary>
    public static IServiceCollection AddOutboxHost(this IServiceCollection services)
    {
        services.AddHostedService<OutboxWorker>();
        return services;
    }
}
