namespace Bot.Marketplace.AliExpress;

/// <summary>Asks <see cref="AliExpressSelfCheckRunner"/> for a run (a store was just connected). Requests that come
/// while one is pending are one.</summary>
internal sealed class AliExpressSelfCheckSignal : IDisposable
{
    private readonly SemaphoreSlim requested = new(0, 1);

    public void Request()
    {
        try
        {
            if (requested.CurrentCount == 0)
            {
                requested.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Already requested.
        }
    }

    public Task WaitAsync(CancellationToken cancellationToken) => requested.WaitAsync(cancellationToken);

    public void Dispose() => requested.Dispose();
}
