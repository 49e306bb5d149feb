using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Bot.Core.Buyers;

/// <summary>Invitation codes: 128 random bits (the nonce) made into a code with a keyed MAC. The database keeps the
/// nonce and the code's SHA-256, never the code; without the key (configuration, not the database) a stolen
/// database yields no usable link. The code is 22 base64url characters (132 bits of the MAC).</summary>
public sealed class InviteCodes(IOptions<BuyerOptions> options)
{
    public static string NewNonce() => Base64Url(RandomNumberGenerator.GetBytes(16));

    public string CodeFor(string nonce)
    {
        using var mac = new HMACSHA256(Encoding.UTF8.GetBytes(options.Value.InviteKey));
        return Base64Url(mac.ComputeHash(Encoding.ASCII.GetBytes(nonce)))[..22];
    }

    public static string Hash(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code)));

    /// <summary>Deep-link payloads are at most 64 characters of A-Z a-z 0-9 _ -.</summary>
    public static bool LooksLikeCode(string? text) =>
        text is { Length: 22 } && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
