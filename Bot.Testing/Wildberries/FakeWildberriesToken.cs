using System.Text;
using System.Text.Json;

namespace Bot.Testing.Wildberries;

/// <summary>Tokens shaped like Wildberries' (a JWT whose payload has <c>acc</c>, the token type, and <c>exp</c>); the
/// signature part is not a real one.</summary>
public static class FakeWildberriesToken
{
    public const int Basic = 1;
    public const int Test = 2;
    public const int Personal = 3;

    public static string Make(int accessType, DateTimeOffset expiresAt, string id = "0a1b2c3d")
    {
        var header = Encode("""{"alg":"ES256","kid":"20250101v1","typ":"JWT"}""");
        var payload = Encode(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["acc"] = accessType, ["ent"] = 1, ["exp"] = expiresAt.ToUnixTimeSeconds(), ["id"] = id, ["s"] = 1 << 9, ["t"] = accessType == Test,
            ["for"] = accessType == Personal ? "self" : "",
        }));
        return $"{header}.{payload}.c2lnbmF0dXJlLW5vdC1jaGVja2Vk";
    }

    /// <summary>The <c>exp</c> of a token made by <see cref="Make"/>, or null.</summary>
    public static DateTimeOffset? ExpiryOf(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        try
        {
            var payload = parts[1].Replace('-', '+').Replace('_', '/');
            payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
            using var json = JsonDocument.Parse(Convert.FromBase64String(payload));
            return json.RootElement.TryGetProperty("exp", out var exp) ? DateTimeOffset.FromUnixTimeSeconds(exp.GetInt64()) : null;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }

    private static string Encode(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
