using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Bot.Testing.AliExpress;

/// <summary><c>/rest/auth/token/create</c> and <c>/rest/auth/token/refresh</c> with the documented answer (flat JSON,
/// <c>expires_in</c>/<c>refresh_expires_in</c> in seconds, <c>expire_time</c>/<c>refresh_token_valid_time</c> in epoch
/// milliseconds, <c>code</c> "0") and errors in the REST shape (<c>type</c>, <c>code</c>, <c>message</c>). The error
/// codes for a bad code or refresh token are not published; the fake's are its own (the bridge only needs "refused").
/// A refresh resets the access token's lifetime, not the refresh token's, and the old refresh token stops working.</summary>
internal sealed class FakeAuthHandlers(FakeAliExpressServerOptions options, FakeResponseWriter writer, TimeProvider time)
{
    public const string CreatePath = "/auth/token/create";
    public const string RefreshPath = "/auth/token/refresh";

    private readonly Lock gate = new();
    private readonly Dictionary<string, bool> codes = [];
    private readonly Dictionary<string, DateTimeOffset> accessTokens = [];
    private readonly Dictionary<string, DateTimeOffset> refreshTokens = [];

    /// <summary>The seller pressed Authorize: a fresh single-use code.</summary>
    public string IssueCode()
    {
        var code = "3_" + options.AppKey + "_" + RandomNumberGenerator.GetHexString(24, lowercase: true);
        lock (gate)
        {
            codes[code] = false;
        }

        return code;
    }

    /// <summary>True when <paramref name="session"/> is a token the fake issued and it has not ended; the configured token never ends.</summary>
    public bool Accepts(string? session)
    {
        if (session is null)
        {
            return false;
        }

        if (session == options.AccessToken)
        {
            return true;
        }

        lock (gate)
        {
            return accessTokens.TryGetValue(session, out var ends) && ends > time.GetUtcNow();
        }
    }

    /// <summary>How many access tokens were issued (by create and refresh).</summary>
    public int Issued
    {
        get { lock (gate) { return accessTokens.Count; } }
    }

    public JsonObject Handle(string path, IReadOnlyDictionary<string, string> parameters)
    {
        lock (gate)
        {
            return path switch
            {
                CreatePath => Create(parameters.GetValueOrDefault("code")),
                RefreshPath => Refresh(parameters.GetValueOrDefault("refresh_token")),
                _ => writer.Error("InvalidApiPath", null, $"The specified API {path} does not exist", topLevel: true),
            };
        }
    }

    private JsonObject Create(string? code)
    {
        if (string.IsNullOrEmpty(code) || !codes.TryGetValue(code, out var used))
        {
            return writer.Error("InvalidCode", null, "The authorization code is invalid or expired", topLevel: true);
        }

        if (used)
        {
            return writer.Error("InvalidCode", null, "The authorization code has already been used", topLevel: true);
        }

        codes[code] = true;
        return Issue(time.GetUtcNow() + options.RefreshTokenLifetime);
    }

    private JsonObject Refresh(string? refreshToken)
    {
        if (string.IsNullOrEmpty(refreshToken) || !refreshTokens.TryGetValue(refreshToken, out var ends) || ends <= time.GetUtcNow())
        {
            return writer.Error("IllegalRefreshToken", null, "The specified refresh token is invalid or expired", topLevel: true);
        }

        refreshTokens.Remove(refreshToken);
        return Issue(ends);
    }

    private JsonObject Issue(DateTimeOffset refreshEnds)
    {
        var now = time.GetUtcNow();
        var access = "fake-access-" + RandomNumberGenerator.GetHexString(16, lowercase: true);
        var refresh = "fake-refresh-" + RandomNumberGenerator.GetHexString(16, lowercase: true);
        var accessEnds = now + options.AccessTokenLifetime;
        accessTokens[access] = accessEnds;
        refreshTokens[refresh] = refreshEnds;
        return new JsonObject
        {
            ["access_token"] = access,
            ["refresh_token"] = refresh,
            ["expires_in"] = (long)options.AccessTokenLifetime.TotalSeconds,
            ["refresh_expires_in"] = (long)(refreshEnds - now).TotalSeconds,
            ["expire_time"] = accessEnds.ToUnixTimeMilliseconds(),
            ["refresh_token_valid_time"] = refreshEnds.ToUnixTimeMilliseconds(),
            ["user_id"] = FakeAliExpressState.SellerAliId.ToString(CultureInfo.InvariantCulture),
            ["seller_id"] = FakeAliExpressState.SellerAliId.ToString(CultureInfo.InvariantCulture),
            ["user_nick"] = options.SellerLoginId,
            ["account"] = options.SellerLoginId + "@example.com",
            ["account_platform"] = "seller_center",
            ["sp"] = "ae",
            ["locale"] = "en_US",
            ["code"] = "0",
            ["request_id"] = writer.NextRequestId(),
        };
    }
}
