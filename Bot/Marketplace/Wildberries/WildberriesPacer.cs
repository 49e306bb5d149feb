using Microsoft.Extensions.Options;

namespace Bot.Marketplace.Wildberries;

/// <summary>Keeps the adapter within the platform's limit (10 requests per 10 seconds for each chat method, counted
/// here over all of them, which is stricter): a request waits until the window has room. A request leaves the window a
/// little after it (<see cref="Margin"/>): the platform counts when the request arrives, not when it left. After a 429
/// every request waits as long as the platform asked.</summary>
internal sealed class WildberriesPacer(TimeProvider time, IOptions<WildberriesOptions> options)
{
    /// <summary>Allowance for the time between sending and the platform's count.</summary>
    public static readonly TimeSpan Margin = TimeSpan.FromMilliseconds(500);

    private readonly Lock gate = new();
    private readonly Queue<DateTimeOffset> recent = new();
    private DateTimeOffset holdUntil = DateTimeOffset.MinValue;
    private int waits;

    /// <summary>How many times a request has begun waiting for room (each wake-up that finds none counts again).</summary>
    public int Waits => Volatile.Read(ref waits);

    /// <summary>Waits for a slot, then takes it.</summary>
    public async Task TakeAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var wait = TryTake();
            if (wait <= TimeSpan.Zero)
            {
                return;
            }

            Interlocked.Increment(ref waits);
            await Task.Delay(wait, time, cancellationToken);
        }
    }

    /// <summary>The platform answered 429: nothing is sent before <paramref name="retryAfter"/> has passed.</summary>
    public void Hold(TimeSpan retryAfter)
    {
        lock (gate)
        {
            var until = time.GetUtcNow() + retryAfter;
            holdUntil = until > holdUntil ? until : holdUntil;
        }
    }

    private TimeSpan TryTake()
    {
        var settings = options.Value;
        lock (gate)
        {
            var now = time.GetUtcNow();
            if (holdUntil > now)
            {
                return holdUntil - now;
            }

            while (recent.Count > 0 && recent.Peek() <= now - settings.RateWindow - Margin)
            {
                recent.Dequeue();
            }

            if (recent.Count >= settings.RequestsPerWindow)
            {
                return recent.Peek() + settings.RateWindow + Margin - now;
            }

            recent.Enqueue(now);
            return TimeSpan.Zero;
        }
    }
}
