using System.Runtime.CompilerServices;

namespace Bot.Testing;

/// <summary>The one way a test waits for something that happens on another thread or in another process: polls a
/// condition every few milliseconds (real time) until it holds, and throws <see cref="TimeoutException"/> naming what
/// was awaited when <c>timeout</c> passes first. The timeout is a deadline, not a wait: a passing test returns as soon
/// as the condition holds. Unless told, "what" is the condition's own source text.</summary>
public static class Eventually
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(10);

    public static Task TrueAsync(Func<bool> condition, TimeSpan timeout,
        [CallerArgumentExpression(nameof(condition))] string what = "", CancellationToken cancellationToken = default) =>
        PollAsync(() => Task.FromResult(condition()), timeout, () => what, cancellationToken);

    public static Task TrueAsync(Func<Task<bool>> condition, TimeSpan timeout,
        [CallerArgumentExpression(nameof(condition))] string what = "", CancellationToken cancellationToken = default) =>
        PollAsync(condition, timeout, () => what, cancellationToken);

    /// <param name="describe">Says what was awaited, evaluated on timeout (e.g. with the last value seen).</param>
    public static Task TrueAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> describe, CancellationToken cancellationToken = default) =>
        PollAsync(condition, timeout, describe, cancellationToken);

    /// <summary>Polls <paramref name="probe"/> until it finds something (e.g. a message among those sent) and returns it.</summary>
    public static async Task<T> ValueAsync<T>(Func<T?> probe, TimeSpan timeout,
        [CallerArgumentExpression(nameof(probe))] string what = "", CancellationToken cancellationToken = default)
        where T : class
    {
        T? found = null;
        await PollAsync(() => Task.FromResult((found = probe()) is not null), timeout, () => what, cancellationToken);
        return found!;
    }

    /// <summary>Polls an asynchronous <paramref name="probe"/> (a store, an HTTP endpoint) until it finds something.</summary>
    public static async Task<T> ValueAsync<T>(Func<Task<T?>> probe, TimeSpan timeout,
        [CallerArgumentExpression(nameof(probe))] string what = "", CancellationToken cancellationToken = default)
        where T : class
    {
        T? found = null;
        await PollAsync(async () => (found = await probe()) is not null, timeout, () => what, cancellationToken);
        return found!;
    }

    /// <summary>Waits until <paramref name="done"/> reaches <paramref name="target"/>, failing only when it has not moved
    /// for <paramref name="stall"/>: a loaded machine works through a queue slowly, a stuck one not at all.</summary>
    /// <param name="done">How much is done so far (relayed messages, updates taken); it only grows.</param>
    public static async Task ProgressingAsync(Func<int> done, int target, TimeSpan stall,
        [CallerArgumentExpression(nameof(done))] string what = "", CancellationToken cancellationToken = default)
    {
        for (var reached = done(); reached < target; reached = done())
        {
            var before = reached;
            await PollAsync(() => Task.FromResult(done() > before), stall, () => $"{what} past {before} (of {target})", cancellationToken);
        }
    }

    private static async Task PollAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> describe, CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (!await condition())
        {
            if (TimeProvider.System.GetElapsedTime(started) >= timeout)
            {
                throw new TimeoutException($"Not true within {timeout}: {describe()}");
            }

            await Task.Delay(Poll, TimeProvider.System, cancellationToken);
        }
    }
}
