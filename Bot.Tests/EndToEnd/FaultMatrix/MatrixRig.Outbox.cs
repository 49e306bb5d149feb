using Bot.Core.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.EndToEnd.FaultMatrix;

/// <summary>What the bridge's outbox holds, read through its own store.</summary>
public sealed partial class MatrixRig
{
    public async Task<(int Pending, int Dead, int MaxAttempts)> OutboxAsync()
    {
        var store = app.Services.GetRequiredService<IOutboxRepository>();
        var pending = await store.ListAsync(OutboxStatus.Pending, 1000, CancellationToken.None);
        var dead = await store.ListAsync(OutboxStatus.Dead, 1000, CancellationToken.None);
        return (pending.Count, dead.Count, pending.Concat(dead).Select(i => i.Attempts).DefaultIfEmpty(0).Max());
    }

    public async Task WaitOutboxAsync(Func<(int Pending, int Dead, int MaxAttempts), bool> condition)
    {
        var deadline = DateTimeOffset.UtcNow + Timeout;
        while (!condition(await OutboxAsync()))
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"Outbox condition not met within {Timeout}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System);
        }
    }

    public async Task<IReadOnlyList<long>> DeadLettersAsync() =>
        (await app.Services.GetRequiredService<IOutboxRepository>().ListAsync(OutboxStatus.Dead, 1000, CancellationToken.None)).Select(i => i.Id).ToList();

    /// <summary>Holds a fault until it has outlasted the retry budget of the old rule (<c>Relay:MaxAttempts</c>): the
    /// buyer messages of every conversation were refused <paramref name="refusals"/> times in all (lanes are tried in
    /// turn, so each lane's head more than the budget).</summary>
    public Task OutlastAsync(Func<int> refusalsSoFar) =>
        Telegram.WaitUntilAsync(() => refusalsSoFar() >= Orders * (new OutboxOptions().MaxAttempts + 1), Timeout);
}
