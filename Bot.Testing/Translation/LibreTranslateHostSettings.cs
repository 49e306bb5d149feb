namespace Bot.Testing.Translation;

/// <summary>The host's settings that point its translator at a LibreTranslate-shaped fake.</summary>
public static class LibreTranslateHostSettings
{
    public static Dictionary<string, string?> For(LoopbackServer translator, string candidateLanguages = "en,ru,es") => new()
    {
        ["Translation:Provider"] = "LibreTranslate",
        ["Translation:LibreTranslate:Url"] = translator.Url,
        ["Translation:CandidateLanguages"] = candidateLanguages,
    };
}
