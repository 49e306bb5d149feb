using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Bot.Testing.AliExpress;

/// <summary>The platform's checks of system parameters, written independently of the bridge's signer.</summary>
internal static class FakeRequestVerifier
{
    private static readonly TimeSpan AllowedSkew = TimeSpan.FromSeconds(7200);

    /// <summary>Null when the request passes; otherwise the platform's error code and message.</summary>
    /// <param name="apiPath">For REST calls (<c>/auth/token/create</c>): signed with the path in front, and no session.</param>
    public static (string Code, string Message)? Check(
        IReadOnlyDictionary<string, string> parameters, FakeAliExpressServerOptions options, TimeProvider time, Func<string?, bool>? acceptsSession, string? apiPath = null)
    {
        if (parameters.GetValueOrDefault("app_key") != options.AppKey)
        {
            return ("InvalidAppKey", "The specified App Key is invalid");
        }

        if (parameters.GetValueOrDefault("sign_method") != "sha256")
        {
            return ("IncompleteSignature", "The sign_method is not supported");
        }

        if (!long.TryParse(parameters.GetValueOrDefault("timestamp"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var timestamp)
            || (time.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(timestamp)).Duration() > AllowedSkew)
        {
            return ("InvalidTimestamp", "The request timestamp is invalid or too far from the server time");
        }

        if (!string.Equals(parameters.GetValueOrDefault("sign"), ExpectedSignature(parameters, options.AppSecret, apiPath), StringComparison.Ordinal))
        {
            return ("IncompleteSignature", "The request signature does not conform to platform standards");
        }

        if (acceptsSession is not null && !acceptsSession(parameters.GetValueOrDefault("session")))
        {
            return ("IllegalAccessToken", "The specified access token is invalid or expired");
        }

        return null;
    }

    private static string ExpectedSignature(IReadOnlyDictionary<string, string> parameters, string secret, string? apiPath)
    {
        var text = apiPath + string.Concat(parameters
            .Where(p => p.Key != "sign" && p.Value.Length > 0)
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => p.Key + p.Value));
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        return Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(text)));
    }
}
