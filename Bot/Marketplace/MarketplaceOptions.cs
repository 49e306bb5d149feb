namespace Bot.Marketplace;

/// <summary>Section "Marketplace": which adapter runs and how often it is polled.</summary>
public sealed class MarketplaceOptions
{
    /// <summary>The adapter: "AliExpress", or "Demo" for simulated buyers (no marketplace account needed).</summary>
    public string Provider { get; set; } = "AliExpress";

    /// <summary>Time between polls when the last one found nothing more to fetch; set from the adapter's own setting
    /// (Marketplace__AliExpress__PollInterval, or Demo__PollInterval for the demo).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The slowest pace when polls find nothing (Marketplace__AliExpress__IdlePollInterval).</summary>
    public TimeSpan IdlePollInterval { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long after the last new message polls stay at <see cref="PollInterval"/>.</summary>
    public TimeSpan ActiveFor { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Gateway calls a day before operators are warned (projected); 0: no warning.</summary>
    public long DailyCallBudget { get; set; }

    /// <summary>Longest wait between polls while the marketplace keeps failing.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Wait after an authorization error (expired session, missing permission) before trying again; an
    /// operator's /resume tries at once.</summary>
    public TimeSpan AuthorizationRetry { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The idle pace when none is set: eight polls' worth, but no slower than two minutes (or the poll
    /// interval itself when that is longer), so a longer PollInterval does not push idle polls past the readiness
    /// limit.</summary>
    public static TimeSpan DefaultIdlePace(TimeSpan pollInterval) =>
        TimeSpan.FromTicks(Math.Max(pollInterval.Ticks, Math.Min(pollInterval.Ticks * 8, TimeSpan.FromMinutes(2).Ticks)));
}
