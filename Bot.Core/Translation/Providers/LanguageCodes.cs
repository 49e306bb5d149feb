namespace Bot.Core.Translation.Providers;

/// <summary>Language code helpers shared by the providers.</summary>
internal static class LanguageCodes
{
    /// <summary>"pt-BR" → "pt", "ZH_hans" → "zh".</summary>
    public static string Primary(string code) => code.Split('-', '_')[0].ToLowerInvariant();

    public static bool SameLanguage(string? a, string? b) =>
        a is not null && b is not null && Primary(a) == Primary(b);
}
