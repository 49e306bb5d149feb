namespace Bot.Marketplace.AliExpress;

/// <summary>Settings of the AliExpress adapter (section <c>Marketplace:AliExpress</c>).</summary>
/// <remarks>AppSecret and AccessToken are secrets: set them through the environment, never log them.</remarks>
public sealed class AliExpressOptions
{
    public const string SectionName = "Marketplace:AliExpress";

    /// <summary>App key of the AliExpress Open Platform application.</summary>
    public string AppKey { get; set; } = "";

    /// <summary>App secret used to sign every call.</summary>
    public string AppSecret { get; set; } = "";

    /// <summary>The seller's access token (sent as <c>session</c>).</summary>
    public string AccessToken { get; set; } = "";

    /// <summary>The seller's login id: <c>seller_id</c> when posting, and the account the bridge acts for.</summary>
    public string SellerLoginId { get; set; } = "";

    public string GatewayUrl { get; set; } = "https://api-sg.aliexpress.com";

    /// <summary>How often the host polls while conversations are active.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The slowest pace when nothing happens: polls that find nothing wait twice as long each time, up to
    /// this. Unset: eight times <see cref="PollInterval"/> (2 minutes for 15 seconds).</summary>
    public TimeSpan? IdlePollInterval { get; set; }

    /// <summary>How long after the last new message polls stay at <see cref="PollInterval"/>.</summary>
    public TimeSpan ActiveFor { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Gateway calls a day the operators expect at most: they are warned when the day's projected use
    /// exceeds it. 0 turns the warning off.</summary>
    public long DailyCallBudget { get; set; } = 10_000;

    /// <summary>How far each poll reaches back behind the previous one, to absorb clock skew and late indexing.</summary>
    public TimeSpan PollOverlap { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How far the host's clock may differ from the marketplace's, either way. Polling never relies on the
    /// local clock agreeing with the marketplace's: the cursor follows the marketplace's own timestamps, and the local
    /// clock only bounds how far ahead a listing reaches and how long quiet relations keep being re-read.</summary>
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How far back the very first poll looks.</summary>
    public TimeSpan InitialLookback { get; set; } = TimeSpan.FromDays(1);

    /// <summary>When false, <c>MarkReadAsync</c> does nothing and the seller center keeps showing conversations as unread.</summary>
    public bool MarkReadAfterRelay { get; set; } = true;

    /// <summary>Rows requested per page (the platform allows at most 100).</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>A fetch stops after roughly this many messages and reports that it has more.</summary>
    public int MaxMessagesPerFetch { get; set; } = 500;

    /// <summary>Only the first 5000 rows of a listing are reachable on the platform. Not bound from configuration;
    /// tests lower it to exercise the cap handling without thousands of rows.</summary>
    internal int ReachableRows { get; set; } = 5000;
}
