namespace Bot.Stores;

/// <summary>A store's host lifetime in a process of several stores: it listens to no signal (the process's own host
/// does, and stops every store through <see cref="StoreSupervisor"/>), so that SIGTERM drains the stores once, in
/// order, and a store that stops by itself is one that chose to.</summary>
internal sealed class StoreLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
