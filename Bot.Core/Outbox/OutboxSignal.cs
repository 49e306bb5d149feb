namespace Bot.Core.Outbox;

/// <summary>Wakes the dispatcher when something was enqueued, so it need not poll the table tightly.</summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim semaphore = new(0, 1);

    public void Dispose() => semaphore.Dispose();

    public void Notify()
    {
        if (semaphore.CurrentCount == 0)
        {
            try
            {
                semaphore.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another thread notified at the same time: one wake-up is enough.
            }
        }
    }

    /// <returns>True when notified, false when the timeout passed.</returns>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => semaphore.WaitAsync(timeout, cancellationToken);
}
