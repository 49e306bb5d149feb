using System.Collections.Frozen;
using Lingua;

namespace Bot.Core.Translation.Detection;

/// <summary>Maps ISO 639-1 codes to Lingua's languages and back.</summary>
internal static class LinguaLanguages
{
    private static readonly FrozenDictionary<string, Language> ByCode = LanguageInfo.All()
        .Where(l => l.IsoCode6391() != IsoCode6391.None)
        .ToFrozenDictionary(l => Code(l), l => l, StringComparer.OrdinalIgnoreCase);

    public static bool TryGet(string code, out Language language) => ByCode.TryGetValue(code, out language);

    public static string Code(Language language) => language.IsoCode6391().ToString().ToLowerInvariant();
}
