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

    /// <summary>A seller's access token to start with (sent as <c>session</c>). Optional: stored in the database on
    /// first start when none is stored; <c>/connect</c> is the way to get one without handling tokens.</summary>
    public string AccessToken { get; set; } = "";

    /// <summary>The callback URL registered for the app in the developer console, e.g.
    /// <c>https://bridge.example.com/aliexpress/callback</c>; the authorization link sends the seller back to it.</summary>
    public string CallbackUrl { get; set; } = "";

    /// <summary>The access token is refreshed at this share of its lifetime, or <see cref="RefreshAhead"/> before it
    /// ends, whichever comes first.</summary>
    public double RefreshAtShareOfLifetime { get; set; } = 0.8;

    /// <summary>The access token is refreshed at least this long before it ends.</summary>
    public TimeSpan RefreshAhead { get; set; } = TimeSpan.FromDays(1);

    /// <summary>The first wait after a failed refresh; it doubles up to an hour. The old token stays in use meanwhile.</summary>
    public TimeSpan RefreshRetry { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Operators are warned this long before the refresh token ends (after it, the seller must authorize again).</summary>
    public TimeSpan AuthorizationWarning { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The seller's login id: <c>seller_id</c> when posting, and the account the bridge acts for.</summary>
    public string SellerLoginId { get; set; } = "";

    public string GatewayUrl { get; set; } = "https://api-sg.aliexpress.com";

    /// <summary>The message API family: <see cref="AliExpressMessageApi.Auto"/> (default) tries
    /// <c>aliexpress.message.redefining.versiontwo.*</c> first and switches to the IM family <c>aliexpress/message/*</c>
    /// when the gateway says the method does not exist or is not permitted.</summary>
    public AliExpressMessageApi MessageApi { get; set; } = AliExpressMessageApi.Auto;

    /// <summary>How often the host polls while conversations are active.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The slowest pace when nothing happens: polls that find nothing wait twice as long each time, up to
    /// this. Unset: eight times <see cref="PollInterval"/> (2 minutes for 15 seconds), at most 2 minutes or PollInterval.</summary>
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

    /// <summary>When true, each method the bridge needs is called once at start (when a store is connected) and after
    /// /connect, and operators are told which ones the app may not call; /selfcheck runs it at any time.</summary>
    public bool SelfCheck { get; set; } = true;

    /// <summary>Rows requested per page (the platform allows at most 100).</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>A fetch stops after roughly this many messages and reports that it has more.</summary>
    public int MaxMessagesPerFetch { get; set; } = 500;

    /// <summary>Only the first 5000 rows of a listing are reachable on the platform. Not bound from configuration;
    /// tests lower it to exercise the cap handling without thousands of rows.</summary>
    internal int ReachableRows { get; set; } = 5000;
}
