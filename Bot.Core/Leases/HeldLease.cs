namespace Bot.Core.Leases;

/// <summary>A lease this instance holds: when it last stored it, when it was last used, and the token that is cancelled
/// the moment it is lost (not renewed in time, refused, or the database failed).</summary>
internal sealed class HeldLease : IDisposable
{
    private readonly CancellationTokenSource lost;
    private readonly TimeProvider time;

    public HeldLease(string name, bool kept, TimeProvider time)
    {
        this.time = time;
        lost = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
        Lost = lost.Token; // kept: readable after the source is disposed
        Name = name;
        Kept = kept;
    }

    public string Name { get; }

    /// <summary>Renewed for as long as the instance runs (the pollers' leases), not only while used (claims).</summary>
    public bool Kept { get; }

    public DateTimeOffset StoredAt { get; private set; }

    public DateTimeOffset UsedAt { get; set; }

    public CancellationToken Lost { get; }

    /// <summary>Whether the lease may still be relied on at <paramref name="now"/>.</summary>
    public bool IsValid(DateTimeOffset now, LeaseOptions options) =>
        !lost.IsCancellationRequested && now < StoredAt + options.LeaseTime - options.Margin;

    /// <summary>The lease was stored at <paramref name="at"/>: it is given up locally a margin before it ends.</summary>
    public void Stored(DateTimeOffset at, LeaseOptions options)
    {
        StoredAt = at;
        var left = at + options.LeaseTime - options.Margin - time.GetUtcNow();
        try
        {
            lost.CancelAfter(left > TimeSpan.Zero ? left : TimeSpan.Zero);
        }
        catch (ObjectDisposedException)
        {
            // Dropped meanwhile on another thread: it is lost already.
        }
    }

    public void Lose() => lost.Cancel();

    public void Dispose() => lost.Dispose();
}
