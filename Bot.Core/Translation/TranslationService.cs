using Bot.Core.Translation.Caching;
using Bot.Core.Translation.Detection;
using Bot.Core.Translation.Protection;
using Bot.Core.Translation.Providers;
using Microsoft.Extensions.Logging;

namespace Bot.Core.Translation;

/// <summary>Detects, skips what needs no translation, masks untranslatable tokens, asks the cache and then the
/// provider, restores the tokens and caches the success. Provider failures become <see cref="TranslationStatus.Failed"/>
/// with the original text; they are counted, logged without the text, and not cached, so the next call retries.</summary>
public sealed partial class TranslationService(
    LanguageDetection detection,
    TranslationCache cache,
    TranslationMetrics metrics,
    ILogger<TranslationService> logger,
    ITranslator? translator) : ITranslationService
{
    public Task<TranslationResult> TranslateAsync(string text, string? sourceLanguage, string targetLanguage, CancellationToken cancellationToken) =>
        TranslateAsync(text, sourceLanguage, null, targetLanguage, cancellationToken);

    public async Task<TranslationResult> TranslateAsync(string text, string? sourceLanguage, string? likelyLanguage, string targetLanguage, CancellationToken cancellationToken)
    {
        var target = targetLanguage.Trim();
        var source = string.IsNullOrWhiteSpace(sourceLanguage) ? null : LanguageCodes.Primary(sourceLanguage);
        var protectedText = TextProtector.Protect(text ?? string.Empty);
        if (!protectedText.HasWords)
        {
            metrics.Skip(TranslationMetrics.SkipNothingToTranslate);
            return TranslationResult.Untranslated(text ?? string.Empty, source, target, TranslationStatus.NotNeeded);
        }

        // The complete models are loaded only where they could change what is done: a provider is configured and the
        // caller knows nothing likelier. Without a provider the language is only a label; with a likely language the
        // caller has the label already, and a short text the compact models cannot tell goes to the provider without a
        // source language, for it to detect (as it does today for the four in five the complete models cannot tell either).
        source ??= translator is null || likelyLanguage is not null
            ? detection.DetectWithoutLoading(protectedText.Original)
            : detection.Detect(protectedText.Original);
        if (LanguageCodes.SameLanguage(source, target))
        {
            metrics.Skip(TranslationMetrics.SkipSameLanguage);
            return TranslationResult.Untranslated(protectedText.Original, source, target, TranslationStatus.NotNeeded);
        }

        if (translator is null)
        {
            return TranslationResult.Untranslated(protectedText.Original, source, target, TranslationStatus.Disabled);
        }

        var key = TranslationCacheKey.For(translator.Name, source, target.ToLowerInvariant(), protectedText.Original);
        if (await FindCachedAsync(key, cancellationToken) is { } cached)
        {
            metrics.CacheHit(translator.Name);
            return Result(protectedText.Original, cached, source, target);
        }

        var translated = await CallProviderAsync(protectedText, source, target, cancellationToken);
        if (translated is null)
        {
            return new TranslationResult(protectedText.Original, protectedText.Original, source, target, TranslationStatus.Failed, translator.Name);
        }

        await StoreAsync(key, translated, cancellationToken);
        return Result(protectedText.Original, translated, source, target);
    }

    private async Task<string?> CallProviderAsync(ProtectedText protectedText, string? source, string target, CancellationToken cancellationToken)
    {
        var provider = translator!.Name;
        string answer;
        try
        {
            LogSending(provider, source, target, protectedText.Masked);
            answer = await translator.TranslateAsync(protectedText.Masked, source, target, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            var reason = e switch
            {
                TranslatorException { StatusCode: { } status } => TranslationFailureReasons.OfStatus(status),
                TranslatorException => TranslationFailureReasons.Garbage,
                OperationCanceledException or TimeoutException => TranslationFailureReasons.Timeout,
                HttpRequestException => TranslationFailureReasons.Network,
                _ => TranslationFailureReasons.Error,
            };
            metrics.Failure(provider, reason);
            LogFailed(provider, source, target, reason, e);
            return null;
        }

        if (!TextProtector.TryRestore(protectedText, answer, out var restored) || string.IsNullOrWhiteSpace(restored))
        {
            metrics.Failure(provider, TranslationFailureReasons.Placeholders);
            LogPlaceholdersLost(provider, source, target, protectedText.Tokens.Count);
            LogAnswer(provider, answer);
            return null;
        }

        return restored;
    }

    private TranslationResult Result(string original, string translated, string? source, string target) =>
        string.Equals(translated.Trim(), original.Trim(), StringComparison.Ordinal)
            ? new TranslationResult(original, original, source, target, TranslationStatus.NotNeeded, translator!.Name)
            : new TranslationResult(original, translated, source, target, TranslationStatus.Translated, translator!.Name);

    private async Task<string?> FindCachedAsync(TranslationCacheKey key, CancellationToken cancellationToken)
    {
        try
        {
            return await cache.FindAsync(key, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogCacheFailed(e);
            return null;
        }
    }

    private async Task StoreAsync(TranslationCacheKey key, string translated, CancellationToken cancellationToken)
    {
        try
        {
            await cache.StoreAsync(key, translated, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogCacheFailed(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sending to {Provider} ({Source} -> {Target}): {Text}")]
    private partial void LogSending(string provider, string? source, string target, string text);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Translation by {Provider} ({Source} -> {Target}) failed ({Reason}); the original is used")]
    private partial void LogFailed(string provider, string? source, string target, string reason, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Translation by {Provider} ({Source} -> {Target}) lost or changed some of its {Count} placeholders; the original is used")]
    private partial void LogPlaceholdersLost(string provider, string? source, string target, int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Provider} answered: {Answer}")]
    private partial void LogAnswer(string provider, string answer);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Translation cache unavailable; continuing without it")]
    private partial void LogCacheFailed(Exception exception);
}
