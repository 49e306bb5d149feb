using System.Text.Json;
using System.Text.RegularExpressions;

namespace Bot.Marketplace.AliExpress;

/// <summary>Reads a JSON string that may hold a lone UTF-16 surrogate escape (<c>"\ud800"</c>), which the JSON
/// reader refuses to turn into a string: such a surrogate becomes U+FFFD instead of failing the whole answer.</summary>
internal static partial class IopText
{
    public static string? String(JsonElement value)
    {
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            var repaired = LoneSurrogate().Replace(value.GetRawText(), m => m.Value.Length == 6 && m.Value[1] == 'u' ? "\\uFFFD" : m.Value);
            using var document = JsonDocument.Parse(repaired);
            return document.RootElement.GetString();
        }
    }

    /// <summary>An escaped backslash (kept, so that <c>\\ud800</c> stays literal text), a surrogate pair (kept), or a
    /// lone surrogate escape (replaced).</summary>
    [GeneratedRegex(@"\\\\|\\u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}|\\u[dD][89a-fA-F][0-9a-fA-F]{2}")]
    private static partial Regex LoneSurrogate();
}
