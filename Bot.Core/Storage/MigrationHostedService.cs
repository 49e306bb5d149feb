using Microsoft.Extensions.Hosting;

namespace Bot.Core.Storage;

/// <summary>Brings the database schema up to date before any other service starts working.</summary>
internal sealed class MigrationHostedService(IMigrationRunner runner) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => runner.ApplyAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
