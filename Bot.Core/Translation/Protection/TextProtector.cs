using System.Globalization;

namespace Bot.Core.Translation.Protection;

/// <summary>Masks order and tracking numbers, URLs, e-mails, prices, @mentions and emoji before translation and
/// puts them back afterwards.</summary>
/// <remarks>The placeholder is ⟦n⟧ (U+27E6/U+27E7): a bracket pair no language uses, so engines copy it through and
/// it cannot collide with text the buyer typed (a buyer who types ⟦ is not masked: the text is then sent as is).
/// Restoration is all or nothing: if a placeholder is missing, duplicated or unknown the translation is rejected,
/// because a silently dropped tracking number or price in the dispute record is worse than an untranslated text.</remarks>
internal static class TextProtector
{
    public static ProtectedText Protect(string text)
    {
        if (text.Contains('⟦', StringComparison.Ordinal) || text.Contains('⟧', StringComparison.Ordinal))
        {
            return new ProtectedText(text, text, []);
        }

        var tokens = new List<string>();
        var masked = ProtectionPatterns.Protected().Replace(text, m =>
        {
            tokens.Add(m.Value);
            return Placeholder(tokens.Count);
        });
        return new ProtectedText(text, masked, tokens);
    }

    public static string Placeholder(int number) => "⟦" + number.ToString(CultureInfo.InvariantCulture) + "⟧";

    /// <summary>Puts the tokens back; false when the provider lost, duplicated or invented a placeholder.</summary>
    public static bool TryRestore(ProtectedText protectedText, string translated, out string restored)
    {
        restored = translated;
        var tokens = protectedText.Tokens;
        var seen = new bool[tokens.Count];
        var ok = true;
        var result = ProtectionPatterns.Placeholder().Replace(translated, m =>
        {
            var index = ParseDigits(m.Groups["n"].Value) - 1;
            if (index < 0 || index >= tokens.Count || seen[index])
            {
                ok = false;
                return m.Value;
            }

            seen[index] = true;
            return tokens[index];
        });
        if (!ok || seen.Contains(false))
        {
            return false;
        }

        restored = result;
        return true;
    }

    private static int ParseDigits(string digits)
    {
        var value = 0;
        foreach (var c in digits)
        {
            value = (value * 10) + (int)char.GetNumericValue(c);
        }

        return value;
    }
}
