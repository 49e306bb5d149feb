namespace Bot.Core.Leases;

/// <summary>A lease this instance holds: when it last stored it, when it was last used, and the token that is cancelled
/// the moment it is lost (not renewed in time, refused, or the database failed).</summary>
internal sealed class HeldLease(string name, bool kept, TimeProvider time) : IDisposable
{
    private readonly CancellationTokenSource lost = new(Timeout.InfiniteTimeSpan, time);

    public string Name { get; } = name;

    /// <summary>Renewed for as long as the instance runs (the pollers' leases), not only while used (claims).</summary>
    public bool Kept { get; } = kept;

    public DateTimeOffset StoredAt { get; private set; }

    public DateTimeOffset UsedAt { get; set; }

    public CancellationToken Lost => lost.Token;

    /// <summary>Whether the lease may still be relied on at <paramref name="now"/>.</summary>
    public bool IsValid(DateTimeOffset now, LeaseOptions options) =>
        !lost.IsCancellationRequested && now < StoredAt + options.LeaseTime - options.Margin;

    /// <summary>The lease was stored at <paramref name="at"/>: it is given up locally a margin before it ends.</summary>
    public void Stored(DateTimeOffset at, LeaseOptions options)
    {
        StoredAt = at;
        var left = at + options.LeaseTime - options.Margin - time.GetUtcNow();
        lost.CancelAfter(left > TimeSpan.Zero ? left : TimeSpan.Zero);
    }

    public void Lose() => lost.Cancel();

    public void Dispose() => lost.Dispose();
}
