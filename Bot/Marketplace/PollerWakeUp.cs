using Bot.Core.Operations;

namespace Bot.Marketplace;

/// <summary>Lets an operator's /resume end the poller's wait at once.</summary>
public sealed class PollerWakeUp : IPollWakeUp, IDisposable
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Wake()
    {
        if (signal.CurrentCount == 0)
        {
            try
            {
                signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already woken.
            }
        }
    }

    public async Task WaitAsync(TimeSpan wait, TimeProvider time, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(wait, time, timeout.Token);
        var woken = signal.WaitAsync(timeout.Token);
        await Task.WhenAny(delay, woken);
        await timeout.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }

    public void Dispose() => signal.Dispose();
}
