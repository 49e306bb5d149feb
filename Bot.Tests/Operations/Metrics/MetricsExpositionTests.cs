using System.Text.RegularExpressions;
using Bot.Testing;
using Bot.Testing.Translation;

namespace Bot.Tests.Operations.Metrics;

/// <summary>The real host's /metrics against Prometheus' conventions: promtool finds nothing to say, counters are
/// counters named *_total under one prefix with help text for people, and every series exists from the start.</summary>
public sealed partial class MetricsExpositionTests : IAsyncLifetime
{
    private LoopbackServer translator = null!;
    private OperatorsFixture f = null!;

    public async Task InitializeAsync()
    {
        translator = await LoopbackServer.StartAsync(app => app.MapFakeLibreTranslate(new FakeTranslationApi(), null));
        f = await OperatorsFixture.StartAsync(LibreTranslateHostSettings.For(translator));
    }

    public async Task DisposeAsync()
    {
        await f.DisposeAsync();
        await translator.DisposeAsync();
    }

    [ToolFact("promtool")]
    public async Task Metrics_PassPromtoolCheck_WithNoWarnings_AtStartAndAfterTraffic()
    {
        var atStart = await f.Http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Equal((0, string.Empty), await MetricsScrape.PromtoolCheckAsync(atStart));

        await RelayOneBuyerMessageAsync();
        var afterTraffic = await f.Http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Equal((0, string.Empty), await MetricsScrape.PromtoolCheckAsync(afterTraffic));
    }

    [Fact]
    public async Task Metrics_AtStart_ShowEverySeriesAtZero_IncludingEachKnownLabelValue()
    {
        var text = await f.Http.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        string[] expected =
        [
            "bridge_messages_received_total{role=\"buyer\"} 0",
            "bridge_messages_received_total{role=\"seller\"} 0",
            "bridge_messages_received_total{role=\"staff\"} 0",
            "bridge_deliveries_total{kind=\"staff_post\"} 0",
            "bridge_deliveries_total{kind=\"marketplace_send\"} 0",
            "bridge_deliveries_total{kind=\"buyer_post\"} 0",
            "bridge_delivery_failures_total{kind=\"marketplace_send\",reason=\"outage\"} 0",
            "bridge_delivery_failures_total{kind=\"staff_post\",reason=\"rate_limited\"} 0",
            "bridge_delivery_failures_total{kind=\"reaction\",reason=\"permanent\"} 0",
            "bridge_dead_letters_total{kind=\"marketplace_send\"} 0",
            "bridge_duplicates_dropped_total{role=\"staff\"} 0",
            "bridge_duplicates_dropped_total{role=\"buyer\"} 0",
            "bridge_marketplace_rereads_total 0",
            "bridge_marketplace_items_set_aside_total 0",
            "bridge_echoes_matched_total 0",
            "bridge_telegram_rate_limited_total 0",
            "bridge_telegram_updates_undecodable_total 0",
            "bridge_sent_untranslated_total{kind=\"marketplace_send\"} 0",
            "bridge_translation_requests_total{provider=\"LibreTranslate\"} 0",
            "bridge_translation_characters_total{provider=\"LibreTranslate\"} 0",
            "bridge_translation_cache_hits_total{provider=\"LibreTranslate\"} 0",
            "bridge_translation_failures_total{provider=\"LibreTranslate\",reason=\"rate_limited\"} 0",
            "bridge_translation_failures_total{provider=\"LibreTranslate\",reason=\"timeout\"} 0",
            "bridge_translation_skipped_total{reason=\"same_language\"} 0",
            "bridge_outbox_pending 0",
            "bridge_outbox_dead_letters 0",
            "bridge_paused 0",
            "bridge_alerts_active 0",
            "bridge_database_up 1",
        ];
        var lines = text.Split('\n');
        Assert.All(expected, series => Assert.Contains(series, lines));
        Assert.Equal(
            Bot.Core.Outbox.OutboxKinds.All.Count * Enum.GetValues<Bot.Core.Outbox.FailureKind>().Length,
            MetricsScrape.Samples(text, "bridge_delivery_failures_total").Count);
    }

    [Fact]
    public async Task Metrics_CountersAreTypedCounters_EndInTotal_HaveOnePrefix_AndHumanHelp()
    {
        var text = await f.Http.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        var counters = CounterType().Matches(text).Select(m => m.Groups[1].Value).ToList();
        Assert.Contains("bridge_deliveries_total", counters);
        Assert.Contains("bridge_translation_skipped_total", counters);
        Assert.All(counters, name => Assert.EndsWith("_total", name, StringComparison.Ordinal));
        var ownFamilies = FamilyType().Matches(text).Select(m => m.Groups[1].Value).Where(n => !n.StartsWith("process_", StringComparison.Ordinal) && !n.StartsWith("dotnet_", StringComparison.Ordinal)).ToList();
        Assert.All(ownFamilies, name => Assert.Matches("^bridge_[a-z0-9_]+$", name));
        Assert.All(ownFamilies, name => Assert.False(name.IndexOf("bridge", 1, StringComparison.Ordinal) > 0, $"{name} repeats its prefix"));
        Assert.DoesNotContain("`1", text, StringComparison.Ordinal); // .NET type names such as Counter`1
        Assert.DoesNotContain("bot_", text, StringComparison.Ordinal);
        Assert.DoesNotContain("# TYPE bridge_deliveries_total gauge", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_CounterIncrements_WhenTheBridgeDeliversAndTranslates()
    {
        await RelayOneBuyerMessageAsync();

        var text = await f.PageWhenAsync("/metrics", m => !m.Contains("bridge_deliveries_total{kind=\"staff_post\"} 0", StringComparison.Ordinal));
        var lines = text.Split('\n');
        Assert.Contains("bridge_messages_received_total{role=\"buyer\"} 1", lines);
        Assert.Contains("bridge_messages_received_total{role=\"staff\"} 0", lines);
        Assert.Contains("bridge_translation_requests_total{provider=\"LibreTranslate\"} 1", lines);
    }

    private async Task RelayOneBuyerMessageAsync()
    {
        f.Marketplace.AddBuyerMessage("81001", "Здравствуйте, где мой заказ? Прошло уже две недели.");
        await Eventually.TrueAsync(() => f.Telegram.SentTo(OperatorsFixture.Staff).Count >= 1, OperatorsFixture.Timeout); // the card with the message under it
    }

    [GeneratedRegex(@"^# TYPE (\S+) counter$", RegexOptions.Multiline)]
    private static partial Regex CounterType();

    [GeneratedRegex(@"^# TYPE (\S+) \w+$", RegexOptions.Multiline)]
    private static partial Regex FamilyType();
}
