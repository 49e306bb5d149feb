using System.Text;
using System.Text.Json;

namespace Bot.Marketplace.Wildberries;

/// <summary>What a Wildberries API token says about itself. Tokens are JWTs; the payload's <c>exp</c> is the expiry
/// (Unix seconds) and <c>acc</c> the token type: 1 Basic, 2 Test, 3 Personal, 4 Service (WB knowledge base, "Working
/// with tokens for partner services"). The signature is not checked: the platform does that.</summary>
internal sealed record WildberriesToken(DateTimeOffset? ExpiresAt, int? AccessType)
{
    public const int Basic = 1;

    public const int Test = 2;

    /// <summary>The token's claims, or null when it is not a JWT with a JSON payload.</summary>
    public static WildberriesToken? Read(string token)
    {
        var parts = token.Trim().Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        try
        {
            var payload = parts[1].Replace('-', '+').Replace('_', '/');
            payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
            using var json = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)));
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var root = json.RootElement;
            DateTimeOffset? expires = root.TryGetProperty("exp", out var exp) && exp.TryGetInt64(out var seconds)
                ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                : null;
            int? access = root.TryGetProperty("acc", out var acc) && acc.TryGetInt32(out var type) ? type : null;
            return new WildberriesToken(expires, access);
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
