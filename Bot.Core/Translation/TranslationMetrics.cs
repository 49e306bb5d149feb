using System.Diagnostics.Metrics;

namespace Bot.Core.Translation;

/// <summary>Counters under the "Bot.Translation" meter, plus in-process totals for tests and the status page.</summary>
public sealed class TranslationMetrics
{
    public const string MeterName = "Bot.Translation";

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

    public TranslationMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        requests = meter.CreateCounter<long>("bot.translation.requests", "{request}", "HTTP requests sent to the translation provider.");
        characters = meter.CreateCounter<long>("bot.translation.characters", "{character}", "Characters sent to the translation provider.");
        cacheHits = meter.CreateCounter<long>("bot.translation.cache_hits", "{translation}", "Translations served from the cache.");
        failures = meter.CreateCounter<long>("bot.translation.failures", "{translation}", "Translations that failed; the original was used.");
        skipped = meter.CreateCounter<long>("bot.translation.skipped", "{translation}", "Texts not sent because they were already in the target language or had nothing to translate.");
    }

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

    public void Failure(string provider, string reason)
    {
        failures.Add(1, new KeyValuePair<string, object?>("provider", provider), new KeyValuePair<string, object?>("reason", reason));
        Interlocked.Increment(ref failuresTotal);
    }

    public void Skip(string reason)
    {
        skipped.Add(1, new KeyValuePair<string, object?>("reason", reason));
        Interlocked.Increment(ref skippedTotal);
    }
}
