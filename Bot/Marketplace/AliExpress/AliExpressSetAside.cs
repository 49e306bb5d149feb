using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Bot.Core.Marketplace;

namespace Bot.Marketplace.AliExpress;

/// <summary>Builds the record of a row that cannot be relayed.</summary>
internal static class AliExpressSetAside
{
    private const int MaxRaw = 1000;

    public static MarketplaceSetAside Of(string conversationId, JsonElement row, string reason)
    {
        var raw = row.GetRawText();
        var id = IopJson.Str(row, "id") ?? IopJson.Str(row, "message_id");
        var key = string.IsNullOrEmpty(id) || id.Length > 100
            ? "sha256:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(raw)))[..32]
            : id;
        var end = raw.Length <= MaxRaw ? raw.Length : char.IsHighSurrogate(raw[MaxRaw - 1]) ? MaxRaw - 1 : MaxRaw;
        return new MarketplaceSetAside(conversationId, key, reason, end == raw.Length ? raw : raw[..end] + "…");
    }
}
