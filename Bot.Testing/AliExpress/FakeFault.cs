namespace Bot.Testing.AliExpress;

/// <summary>A failure the fake AliExpress server answers instead of the real result (see <see cref="FakeAliExpressServer.FailNext"/>).</summary>
public sealed record FakeFault
{
    public int StatusCode { get; init; } = 200;

    public TimeSpan? RetryAfter { get; init; }

    public TimeSpan? Delay { get; init; }

    /// <summary>A raw body to answer with (HTML page, broken JSON); null: a JSON answer below or the normal result.</summary>
    public string? RawBody { get; init; }

    public string? RawContentType { get; init; }

    /// <summary>An <c>error_response</c> with this code (and <see cref="SubCode"/>, <see cref="Message"/>).</summary>
    public string? ErrorCode { get; init; }

    public string? SubCode { get; init; }

    public string? Message { get; init; }

    /// <summary>Use the top-level shape <c>{type, code, message, request_id}</c> instead of <c>error_response</c>.</summary>
    public bool TopLevelShape { get; init; }

    /// <summary>Answer the method's normal wrapper with <c>is_success=false</c> and this <c>error_msg</c>.</summary>
    public string? NotSuccessMessage { get; init; }

    public static FakeFault Status(int statusCode, TimeSpan? retryAfter = null) =>
        new() { StatusCode = statusCode, RetryAfter = retryAfter, RawBody = $"{{\"message\":\"HTTP {statusCode}\"}}", RawContentType = "application/json" };

    /// <summary>Waits before answering normally (to trip the client's timeout).</summary>
    public static FakeFault Slow(TimeSpan delay) => new() { Delay = delay };

    public static FakeFault HtmlPage(int statusCode = 200) => new()
    {
        StatusCode = statusCode,
        RawBody = "<html><head><title>502 Bad Gateway</title></head><body><h1>Tengine</h1></body></html>",
        RawContentType = "text/html",
    };

    public static FakeFault MalformedJson() => new() { RawBody = "{\"aliexpress_message_redefining_versiontwo_", RawContentType = "application/json" };

    public static FakeFault PlatformError(string code, string? subCode = null, string? message = null, bool topLevelShape = false) =>
        new() { ErrorCode = code, SubCode = subCode, Message = message ?? code, TopLevelShape = topLevelShape };

    public static FakeFault ExpiredSession() =>
        PlatformError("IllegalAccessToken", message: "The specified access token is invalid or expired");

    public static FakeFault PermissionDenied() =>
        PlatformError("isv.permission-denied", "isv.permission-api-package-limit", "Insufficient permissions");

    /// <summary>The app lacks the API permission package of the method. The reference lists no code for this: the code
    /// and texts are inferred from the TOP-family gateways (<c>InsufficientISVPermissions</c>, sub-code
    /// <c>isv.permission-api-package-limit</c>).</summary>
    public static FakeFault InsufficientPermission() =>
        PlatformError("InsufficientPermission", "isv.permission-api-package-limit", "Insufficient isv permissions: the app has no permission for this API");

    /// <summary>The app's call quota for the method is used up. Inferred like <see cref="InsufficientPermission"/>
    /// (TOP's <c>AppCallLimited</c>; the reference only names <c>ApiCallLimit</c> as retryable).</summary>
    public static FakeFault AppCallLimit() =>
        PlatformError("AppCallLimit", "isv.app-call-limited", "App call limit exceeded");

    /// <summary>What the gateway answers for a method it does not offer: the same code and words as the fake's answer to
    /// an unknown method (<c>InvalidApiPath</c>; the platform's exact code is not public).</summary>
    public static FakeFault ApiNotFound(string method) =>
        PlatformError("InvalidApiPath", message: $"The specified API {method} does not exist");

    public static FakeFault NotSuccess(string errorMessage) => new() { NotSuccessMessage = errorMessage };
}
