using System.Collections.Concurrent;
using Bot.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Core.Leases;

/// <summary>The leases this instance holds. On PostgreSQL (several instances may share the database) each is a stored
/// row, taken and renewed in one statement that reads the database's clock (an instance whose clock runs ahead cannot
/// take a live lease early); a holder that cannot renew in time loses it here at once (its
/// <see cref="HeldLease.Lost"/> token), before another instance can take it. On SQLite (one process) every lease is
/// this instance's, and nothing is written.</summary>
public sealed partial class InstanceLeases(
    ILeaseRepository store,
    IOptions<LeaseOptions> options,
    IOptions<StorageOptions> storage,
    TimeProvider time,
    ILogger<InstanceLeases> logger)
{
    /// <summary>A claim nobody used for this long is no longer renewed: it lapses, and any instance may take it.</summary>
    internal static readonly TimeSpan ClaimIdle = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, HeldLease> held = new(StringComparer.Ordinal);

    private readonly RefusedLeases refused = new();

    /// <summary>This instance's name in the leases.</summary>
    public string InstanceId { get; } = string.IsNullOrWhiteSpace(options.Value.Id)
        ? $"{Environment.MachineName}-{Guid.NewGuid().ToString("N")[..8]}"
        : options.Value.Id.Trim();

    /// <summary>Whether leases are stored (the database may be shared); false on SQLite, where every lease is ours.</summary>
    public bool Shared => storage.Value.UsesPostgres;

    /// <summary>True when this instance may do the work <paramref name="name"/> stands for now: a lease held and not
    /// near its end costs no query; otherwise it is taken (or renewed) in the database.</summary>
    public async ValueTask<bool> TryHoldAsync(string name, CancellationToken cancellationToken)
    {
        if (!Shared)
        {
            return true;
        }

        var now = time.GetUtcNow();
        if (held.TryGetValue(name, out var lease) && lease.IsValid(now, options.Value))
        {
            lease.UsedAt = now;
            return true;
        }

        if (refused.IsRefused(name, now))
        {
            return false;
        }

        if (await WriteAsync(name, kept: false, cancellationToken) == LeaseAnswer.Held)
        {
            refused.Granted(name);
            return true;
        }

        refused.Refused(name, now + options.Value.RenewEvery);
        return false;
    }

    /// <summary>Takes (or renews) the lease in the database and, when it is ours, returns the token that is cancelled
    /// when it is lost. A lease taken this way is renewed for as long as the instance runs, until released.</summary>
    public async Task<(LeaseAnswer Answer, CancellationToken Lost)> TakeAsync(string name, CancellationToken cancellationToken)
    {
        if (!Shared)
        {
            return (LeaseAnswer.Held, CancellationToken.None);
        }

        var answer = await WriteAsync(name, kept: true, cancellationToken);
        return (answer, answer == LeaseAnswer.Held && held.TryGetValue(name, out var lease) ? lease.Lost : new CancellationToken(true));
    }

    private async Task<LeaseAnswer> WriteAsync(string name, bool kept, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        bool ours;
        try
        {
            // The database decides on its own clock (the same for every instance); this instance counts its lease from
            // before it asked on its own clock, so whatever the two clocks say, it gives the lease up here first.
            ours = await store.TryTakeAsync(name, InstanceId, o.LeaseTime, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            if (Drop(name))
            {
                LogLost(e, name, InstanceId);
            }

            return LeaseAnswer.Failed;
        }

        if (!ours)
        {
            if (Drop(name))
            {
                LogTakenOver(name, InstanceId);
            }

            return LeaseAnswer.HeldByAnother;
        }

        if (held.TryGetValue(name, out var lapsed) && lapsed.Lost.IsCancellationRequested)
        {
            Drop(name); // given up here at its deadline: its work stopped, so it starts again as a new lease
        }

        var lease = held.GetOrAdd(name, n =>
        {
            if (kept)
            {
                LogTaken(n, InstanceId);
            }

            return new HeldLease(n, kept, time) { UsedAt = now };
        });
        lease.Stored(now, o);
        return LeaseAnswer.Held;
    }

    /// <returns>True when the lease was held.</returns>
    private bool Drop(string name)
    {
        if (!held.TryRemove(name, out var lease))
        {
            return false;
        }

        lease.Lose();
        lease.Dispose();
        return true;
    }
}
