using Bot.Core.Translation.Detection;
using Microsoft.Extensions.Options;

namespace Bot.Core.Translation;

/// <summary>Stops the host at start with one sentence naming the setting to fix (as an environment variable).</summary>
internal sealed class TranslationOptionsValidator : IValidateOptions<TranslationOptions>
{
    public ValidateOptionsResult Validate(string? name, TranslationOptions options)
    {
        var failure = FirstFailure(options);
        return failure is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failure);
    }

    private static string? FirstFailure(TranslationOptions o)
    {
        if (!Enum.IsDefined(o.Provider))
        {
            return "Set Translation__Provider to None, LibreTranslate, DeepL, Yandex or OpenAI.";
        }

        var unknown = o.CandidateLanguageCodes().Where(c => !LinguaLanguages.TryGet(c, out _)).ToList();
        if (unknown.Count > 0 || o.CandidateLanguageCodes().Count == 0)
        {
            return $"Set Translation__CandidateLanguages to comma-separated ISO 639-1 codes the detector knows (unknown: '{string.Join(",", unknown)}').";
        }

        if (o.MinimumConfidence is < 0 or > 1)
        {
            return "Set Translation__MinimumConfidence to a number between 0 and 1.";
        }

        if (o.MinimumLeadRatio < 1)
        {
            return "Set Translation__MinimumLeadRatio to 1 or more.";
        }

        if (o.FullModelsIdleTime <= TimeSpan.Zero)
        {
            return "Set Translation__FullModelsIdleTime to a positive time span such as 00:02:00.";
        }

        if (o.Timeout <= TimeSpan.Zero)
        {
            return "Set Translation__Timeout to a positive time span such as 00:00:10.";
        }

        return o.Provider switch
        {
            TranslationProvider.LibreTranslate => Url(o.LibreTranslate.Url, "LibreTranslate") ?? Chunk(o.LibreTranslate.MaxChunkLength, "LibreTranslate"),
            TranslationProvider.DeepL => Required(o.DeepL.ApiKey, "DeepL__ApiKey")
                ?? (string.IsNullOrWhiteSpace(o.DeepL.Url) ? null : Url(o.DeepL.Url, "DeepL"))
                ?? Chunk(o.DeepL.MaxChunkLength, "DeepL"),
            TranslationProvider.Yandex => Required(o.Yandex.ApiKey, "Yandex__ApiKey")
                ?? Required(o.Yandex.FolderId, "Yandex__FolderId")
                ?? Url(o.Yandex.Url, "Yandex")
                ?? Chunk(o.Yandex.MaxChunkLength, "Yandex"),
            TranslationProvider.OpenAI => Url(o.OpenAI.Url, "OpenAI")
                ?? Required(o.OpenAI.Model, "OpenAI__Model")
                ?? Chunk(o.OpenAI.MaxChunkLength, "OpenAI"),
            _ => null,
        };
    }

    private static string? Required(string? value, string key) =>
        string.IsNullOrWhiteSpace(value) ? $"Set Translation__{key}: the chosen translation provider needs it." : null;

    private static string? Url(string? value, string provider) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? null
            : $"Set Translation__{provider}__Url to the provider's absolute http(s) base URL.";

    private static string? Chunk(int value, string provider) =>
        value >= 100 ? null : $"Set Translation__{provider}__MaxChunkLength to at least 100 characters.";
}
