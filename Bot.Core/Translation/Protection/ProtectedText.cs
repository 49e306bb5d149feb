namespace Bot.Core.Translation.Protection;

/// <summary>A text whose untranslatable tokens were replaced by numbered placeholders ⟦1⟧, ⟦2⟧, ...</summary>
/// <param name="Masked">What the provider sees.</param>
/// <param name="Tokens">Tokens[i] replaced placeholder ⟦i+1⟧.</param>
internal sealed record ProtectedText(string Original, string Masked, IReadOnlyList<string> Tokens)
{
    /// <summary>True when something outside the placeholders is a letter: otherwise there is nothing to translate.</summary>
    public bool HasWords => ProtectionPatterns.Placeholder().Replace(Masked, " ").Any(char.IsLetter);

    /// <summary>The text with every protected token removed, for language detection.</summary>
    public string Words => ProtectionPatterns.Placeholder().Replace(Masked, " ");
}
