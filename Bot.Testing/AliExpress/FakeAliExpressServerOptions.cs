namespace Bot.Testing.AliExpress;

/// <summary>How the fake AliExpress server shapes its answers. Defaults follow the SDK documentation.</summary>
public sealed record FakeAliExpressServerOptions
{
    /// <summary>Lists the XML way (<c>relation_list.relation_result[]</c>); false: flat arrays (<c>relation_list[]</c>).</summary>
    public bool NestedLists { get; init; } = true;

    /// <summary>Ids (channel, order, message, ali ids, extern ids) as JSON strings instead of numbers.</summary>
    public bool IdsAsStrings { get; init; }

    /// <summary><c>message_time</c> and <c>gmt_create</c> in epoch seconds instead of milliseconds.</summary>
    public bool TimestampsInSeconds { get; init; }

    /// <summary>The most rows the fake serves per page, whatever was asked (the platform's documented limit is 100).</summary>
    public int MaxPageSize { get; init; } = 100;

    /// <summary>Only the first this-many rows of any listing are reachable, like the platform's 5000.</summary>
    public int ReachableRows { get; init; } = 5000;

    /// <summary>Message details newest first (as the seller center shows them); false: oldest first.</summary>
    public bool DetailsNewestFirst { get; init; } = true;

    /// <summary>How far the marketplace's clock is ahead of the clock the fake was started with (negative: behind).
    /// Message times, listings and the timestamp check all use the shifted clock.</summary>
    public TimeSpan ClockOffset { get; init; }

    /// <summary>Fixed port; 0 picks a free one.</summary>
    public int Port { get; init; }

    public string AppKey { get; init; } = "500001";

    public string AppSecret { get; init; } = "fake-app-secret-0123456789";

    /// <summary>A token the fake accepts for ever (the bridge's configured bootstrap token in most tests).</summary>
    public string AccessToken { get; init; } = "fake-session-token";

    /// <summary>Lifetime of access tokens issued by <c>/auth/token/create</c> and <c>/refresh</c> (a test-status app: 1 day).</summary>
    public TimeSpan AccessTokenLifetime { get; init; } = TimeSpan.FromDays(1);

    /// <summary>Lifetime of a refresh token from the code's exchange; a refresh does not extend it (test-status app: 2 days).</summary>
    public TimeSpan RefreshTokenLifetime { get; init; } = TimeSpan.FromDays(2);

    public string SellerLoginId { get; init; } = "cn1000seller";

    /// <summary>The gateway wants the IM APIs (<c>aliexpress/message/*</c>) signed with the API name in front, as the
    /// PHP/Python SDKs do; false (default): without a prefix, as the Java SDK does (reference 1.5, unverified).</summary>
    public bool ImSignatureWithPrefix { get; init; }

    /// <summary>IM answers as <c>{result, request_id}</c> instead of wrapped in <c>aliexpress_message_…_response</c>.</summary>
    public bool ImUnwrapped { get; init; }
}
