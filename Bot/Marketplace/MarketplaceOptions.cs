namespace Bot.Marketplace;

/// <summary>Section "Marketplace": which adapter runs and how often it is polled.</summary>
public sealed class MarketplaceOptions
{
    /// <summary>The adapter: "AliExpress", or "Demo" for simulated buyers (no marketplace account needed).</summary>
    public string Provider { get; set; } = "AliExpress";

    /// <summary>Time between polls when the last one found nothing more to fetch; set from the adapter's own setting
    /// (Marketplace__AliExpress__PollInterval, or Demo__PollInterval for the demo).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Longest wait between polls while the marketplace keeps failing.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Wait after an authorization error (expired session, missing permission) before trying again; an
    /// operator's /resume tries at once.</summary>
    public TimeSpan AuthorizationRetry { get; set; } = TimeSpan.FromMinutes(10);
}
