namespace Bot.Core.Translation;

/// <summary>The language codes people may set by hand (/lang): two lower-case ISO 639-1 letters.</summary>
public static class LanguageCode
{
    public static bool IsValid(string code) => code.Length == 2 && code.All(char.IsAsciiLetterLower);
}
