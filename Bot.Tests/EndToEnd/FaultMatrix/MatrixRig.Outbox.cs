using System.Runtime.CompilerServices;
using Bot.Core.Outbox;
using Bot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.EndToEnd.FaultMatrix;

/// <summary>What the bridge's outbox holds, read through its own store.</summary>
public sealed partial class MatrixRig
{
    public async Task<(int Pending, int Dead, int MaxAttempts)> OutboxAsync()
    {
        var store = Services.GetRequiredService<IOutboxRepository>();
        var pending = await store.ListAsync(OutboxStatus.Pending, 1000, CancellationToken.None);
        var dead = await store.ListAsync(OutboxStatus.Dead, 1000, CancellationToken.None);
        return (pending.Count, dead.Count, pending.Concat(dead).Select(i => i.Attempts).DefaultIfEmpty(0).Max());
    }

    public Task WaitOutboxAsync(Func<(int Pending, int Dead, int MaxAttempts), bool> condition,
        [CallerArgumentExpression(nameof(condition))] string what = "") =>
        Eventually.TrueAsync(async () => condition(await OutboxAsync()), Timeout, what);

    public async Task<IReadOnlyList<long>> DeadLettersAsync() =>
        (await Services.GetRequiredService<IOutboxRepository>().ListAsync(OutboxStatus.Dead, 1000, CancellationToken.None)).Select(i => i.Id).ToList();

    /// <summary>Holds a fault until it has outlasted the retry budget of the old rule (<c>Relay:MaxAttempts</c>): the
    /// buyer messages of every conversation were refused <paramref name="refusals"/> times in all (lanes are tried in
    /// turn, so each lane's head more than the budget).</summary>
    public Task OutlastAsync(Func<int> refusalsSoFar) =>
        Eventually.TrueAsync(() => refusalsSoFar() >= Orders * (new OutboxOptions().MaxAttempts + 1), Timeout);
}
