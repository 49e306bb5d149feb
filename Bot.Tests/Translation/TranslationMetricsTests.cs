using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Bot.Core.Translation;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Translation;

[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class TranslationMetricsTests
{
    [Fact]
    public void Counters_ArePublishedOnTheBotTranslationMeter_AndTotalled()
    {
        using var services = new ServiceCollection().AddMetrics().AddSingleton<TranslationMetrics>().BuildServiceProvider();
        var metrics = services.GetRequiredService<TranslationMetrics>();
        var seen = new ConcurrentDictionary<string, long>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == TranslationMetrics.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => seen.AddOrUpdate(instrument.Name, value, (_, v) => v + value));
        listener.Start();

        metrics.ProviderRequest("DeepL", 120);
        metrics.CacheHit("DeepL");
        metrics.Failure("DeepL", TranslationFailureReasons.RateLimited);
        metrics.Skip(TranslationMetrics.SkipSameLanguage);

        Assert.Equal(120, seen["bridge.translation.characters"]);
        Assert.Equal(1, seen["bridge.translation.requests"]);
        Assert.Equal(1, seen["bridge.translation.cache_hits"]);
        Assert.Equal(1, seen["bridge.translation.failures"]);
        Assert.Equal(1, seen["bridge.translation.skipped"]);
        Assert.Equal((1, 120, 1, 1, 1), (metrics.Requests, metrics.Characters, metrics.CacheHits, metrics.Failures, metrics.Skipped));
    }
}
