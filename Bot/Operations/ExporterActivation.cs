
namespace Bot.Operations;

/// <summary>Creates, before any other part starts, the services that must exist from the start (the Prometheus
/// exporter's meter adapter counts only what happens after it exists). Not at build time: the settings they read
/// are checked first, so that a bad setting is a sentence, not a stack trace.</summary>
internal sealed class ExporterActivation(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<PrometheusExporter>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
