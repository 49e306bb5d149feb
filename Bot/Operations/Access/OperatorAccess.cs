using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Bot.Operations.Access;

/// <summary>Decides whether a request may see the operator pages: always when no <see cref="OperatorHttpOptions.HttpToken"/>
/// is set (then the bridge listens on loopback only, see the validator), else with the token as a bearer header
/// (Prometheus, curl) or with the session cookie the login form sets (browsers). Comparisons take constant time.</summary>
internal sealed class OperatorAccess(IOptions<OperatorHttpOptions> options)
{
    public const string CookieName = "bridge_operator";

    public bool Required => !string.IsNullOrEmpty(options.Value.HttpToken);

    public bool IsAuthorized(HttpContext context)
    {
        if (!Required)
        {
            return true;
        }

        var header = context.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return IsToken(header["Bearer ".Length..].Trim());
        }

        return context.Request.Cookies.TryGetValue(CookieName, out var cookie) && SameSecret(cookie, SessionValue());
    }

    public bool IsToken(string? candidate) => Required && candidate is not null && SameSecret(candidate, options.Value.HttpToken!);

    /// <summary>What the cookie holds: derived from the token, so the token itself never sits in a cookie jar, and a new
    /// token ends every session.</summary>
    public string SessionValue() =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.Value.HttpToken ?? ""), "bridge status page session"u8))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    // Hashing first makes both sides the same length, so neither the length nor the content leaks through timing.
    private static bool SameSecret(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(a)), SHA256.HashData(Encoding.UTF8.GetBytes(b)));
}
