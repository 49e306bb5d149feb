namespace Bot.Core.Leases;

/// <summary>How instances that share one database hand work between them (section "Instances"). Used only on
/// PostgreSQL: a SQLite file has one bridge, which holds every lease without writing it.</summary>
public sealed class LeaseOptions
{
    public const string Section = "Instances";

    /// <summary>How long a lease lasts unless renewed: a crashed holder's work passes to another instance within
    /// this (plus one <see cref="RenewEvery"/>, the others' next try).</summary>
    public TimeSpan LeaseTime { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often a holder renews its leases, and a waiting instance tries to take a lease.</summary>
    public TimeSpan RenewEvery { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>This instance's name in the leases (empty: the host name and a random suffix, new at each start).</summary>
    public string? Id { get; set; }

    /// <summary>A holder stops the leased work this long before its lease ends unless renewed (counted on its own clock
    /// from before it asked; the database ends the lease on the database's clock): room for a late timer or a slow
    /// answer. Instances' clocks may disagree by any amount: no lease is decided on them.</summary>
    public TimeSpan Margin => LeaseTime / 5;
}
