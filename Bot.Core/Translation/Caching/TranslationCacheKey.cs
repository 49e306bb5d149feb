using System.Security.Cryptography;
using System.Text;

namespace Bot.Core.Translation.Caching;

/// <param name="SourceLanguage">'auto' when unknown.</param>
public sealed record TranslationCacheKey(string Provider, string SourceLanguage, string TargetLanguage, string TextHash)
{
    public static TranslationCacheKey For(string provider, string? source, string target, string text) =>
        new(provider, source ?? "auto", target, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))));
}
