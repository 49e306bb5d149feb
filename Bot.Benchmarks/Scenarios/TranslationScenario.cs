using System.Diagnostics.Metrics;
using Bot.Benchmarks.Infrastructure;
using Bot.Benchmarks.Reporting;
using Bot.Core.MarketplaceRelay;
using Bot.Core.Outbox;
using Bot.Core.Storage;
using Bot.Core.Translation;
using Bot.Core.Translation.Caching;
using Bot.Core.Translation.Detection;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bot.Benchmarks.Scenarios;

/// <summary>Scenario 4: translator calls per 1,000 relayed messages. The buyer messages go through the whole core
/// path with the real <see cref="TranslationService"/> (Lingua detection, same-language skip, SQLite cache) in front
/// of a counting provider; the staff read English.</summary>
public sealed class TranslationScenario(Report report)
{
    private const int Messages = 1_000;
    private const int Conversations = 300;

    public async Task RunAsync()
    {
        var corpus = new TranslationCorpus(Messages);
        report.BeginScenario($"4. Translation: {Messages:N0} buyer messages ({corpus.Distinct} distinct texts, mixed languages), staff language en");
        var translator = new CountingTranslator();
        var gateway = new CountingChatGateway();
        var marketplace = new GeneratedMarketplace(Conversations, Messages, 100, text: i => corpus.Texts[(int)i]);
        var skips = new Dictionary<string, long>();
        using var listener = ListenToSkips(skips);
        await using var core = await BenchCore.StartAsync(gateway, marketplace, TimeProvider.System, unlimited: true, configure: services =>
        {
            services.AddSingleton<ITranslationService>(sp => new TranslationService(
                sp.GetRequiredService<LanguageDetection>(), sp.GetRequiredService<TranslationCache>(), sp.GetRequiredService<TranslationMetrics>(),
                sp.GetRequiredService<ILogger<TranslationService>>(), translator));
            services.AddTranslation();
        });

        var ingestor = core.Get<MarketplaceIngestor>();
        while (await ingestor.PollOnceAsync(CancellationToken.None))
        {
        }

        await ThroughputScenario.DrainAsync(core.Get<OutboxDispatcher>(), core.Get<IOutboxRepository>());
        var metrics = core.Get<TranslationMetrics>();
        var calls = translator.Calls;
        var hits = metrics.CacheHits;
        var sameLanguage = skips.GetValueOrDefault(TranslationMetrics.SkipSameLanguage);
        var nothing = skips.GetValueOrDefault(TranslationMetrics.SkipNothingToTranslate);
        var per1000 = 1000.0 / Messages;

        report.Add(new Figure("Translator calls per 1,000 messages, with cache and same-language skip (as shipped)", Report.Number(calls * per1000),
            $"{hits} cache hits, {sameLanguage} same-language skips, {nothing} with nothing to translate; {translator.Characters * per1000:N0} characters sent"));
        report.Add(new Figure("Without the cache (same-language skip only)", Report.Number((calls + hits) * per1000), "calls + cache hits"));
        report.Add(new Figure("Without cache and without same-language skip (every text with words)", Report.Number((calls + hits + sameLanguage) * per1000),
            $"calls + cache hits + same-language skips; {Messages - (calls + hits + sameLanguage + nothing)} texts not sent for other reasons"));
        // Merged posts travel with the card, so sends are not messages: count the messages with a Telegram copy.
        await using var connection = await core.Get<IDbConnectionFactory>().OpenAsync(CancellationToken.None);
        var posted = await connection.ExecuteScalarAsync<long>("SELECT COUNT(DISTINCT message_id) FROM message_copies WHERE target = 'telegram'");
        Report.Note($"Posted {posted:N0} messages in {gateway.Texts:N0} sends into {gateway.Topics} topics.");
        var detection = core.Get<LanguageDetection>();
        var (asked, told) = detection.FullModelUse;
        Report.Note($"Complete detection models (some 300 MB while loaded): loaded {detection.Full?.Loads ?? 0} times, asked about {asked} texts, told {told}.");
    }

    private static MeterListener ListenToSkips(Dictionary<string, long> skips)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == TranslationMetrics.MeterName && instrument.Name == "bridge.translation.skipped")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "reason" && tag.Value is string reason)
                {
                    lock (skips)
                    {
                        skips[reason] = skips.GetValueOrDefault(reason) + value;
                    }
                }
            }
        });
        listener.Start();
        return listener;
    }
}
