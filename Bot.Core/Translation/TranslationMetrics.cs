using System.Diagnostics.Metrics;
using Bot.Core.Telemetry;
using Microsoft.Extensions.Options;

namespace Bot.Core.Translation;

/// <summary>Counters under the "Bot.Translation" meter, declared with their known label values (the configured
/// provider, the closed sets of reasons) so /metrics shows every series at 0 from the start, plus in-process totals
/// for tests and the status page.</summary>
public sealed class TranslationMetrics : ICounterSource
{
    public const string MeterName = "Bot.Translation";

    /// <summary>The text had no words (only links, numbers, emoji...).</summary>
    public const string SkipNothingToTranslate = "nothing_to_translate";

    /// <summary>The text was already in the target language.</summary>
    public const string SkipSameLanguage = "same_language";

    private readonly Counter<long> requests;
    private readonly Counter<long> characters;
    private readonly Counter<long> cacheHits;
    private readonly Counter<long> failures;
    private readonly Counter<long> skipped;
    private long requestsTotal;
    private long charactersTotal;
    private long cacheHitsTotal;
    private long failuresTotal;
    private long skippedTotal;

    public TranslationMetrics(IMeterFactory meterFactory, IOptions<TranslationOptions>? options = null)
    {
        var chosen = options?.Value.Provider ?? TranslationProvider.None;
        var provider = new CounterLabel("provider", chosen == TranslationProvider.None ? [] : [chosen.ToString()]);
        Counters = new CounterSet(meterFactory, MeterName);
        requests = Counters.Create("bridge.translation.requests", "{request}", "Requests sent to the translation provider.", provider);
        characters = Counters.Create("bridge.translation.characters", "{character}", "Characters sent to the translation provider.", provider);
        cacheHits = Counters.Create("bridge.translation.cache_hits", "{translation}", "Translations served from the cache instead of the provider.", provider);
        failures = Counters.Create("bridge.translation.failures", "{translation}", "Translations that failed, by reason; the original text was used.", provider, new CounterLabel("reason", TranslationFailureReasons.All));
        skipped = Counters.Create("bridge.translation.skipped", "{text}", "Texts not sent to the provider because they were already in the target language or had nothing to translate.", new CounterLabel("reason", [SkipNothingToTranslate, SkipSameLanguage]));
    }

    public CounterSet Counters { get; }

    public long Requests => Interlocked.Read(ref requestsTotal);

    public long Characters => Interlocked.Read(ref charactersTotal);

    public long CacheHits => Interlocked.Read(ref cacheHitsTotal);

    public long Failures => Interlocked.Read(ref failuresTotal);

    public long Skipped => Interlocked.Read(ref skippedTotal);

    public void ProviderRequest(string provider, int characterCount)
    {
        var tag = new KeyValuePair<string, object?>("provider", provider);
        requests.Add(1, tag);
        characters.Add(characterCount, tag);
        Interlocked.Increment(ref requestsTotal);
        Interlocked.Add(ref charactersTotal, characterCount);
    }

    public void CacheHit(string provider)
    {
        cacheHits.Add(1, new KeyValuePair<string, object?>("provider", provider));
        Interlocked.Increment(ref cacheHitsTotal);
    }

    /// <param name="reason">One of <see cref="TranslationFailureReasons"/>.</param>
    public void Failure(string provider, string reason)
    {
        failures.Add(1, new KeyValuePair<string, object?>("provider", provider), new KeyValuePair<string, object?>("reason", reason));
        Interlocked.Increment(ref failuresTotal);
    }

    /// <param name="reason"><see cref="SkipNothingToTranslate"/> or <see cref="SkipSameLanguage"/>.</param>
    public void Skip(string reason)
    {
        skipped.Add(1, new KeyValuePair<string, object?>("reason", reason));
        Interlocked.Increment(ref skippedTotal);
    }
}
