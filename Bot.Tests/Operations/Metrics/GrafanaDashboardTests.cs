using System.Text.RegularExpressions;
using Bot.Tests.Fakes.Translation;

namespace Bot.Tests.Operations.Metrics;

/// <summary>docs/grafana-dashboard.json: every panel's query evaluated by a real Prometheus scraping the real host
/// (against the fakes) once a second; then the bridge is stopped and "Bridge up" must turn red.</summary>
public sealed partial class GrafanaDashboardTests
{
    private const string Job = "bridge";
    private const string RateInterval = "5s"; // Grafana's $__rate_interval for a 1 s scrape interval is 4 s at least.

    [Fact]
    public void Dashboard_EveryQueryHasALegend_AndCountersAreReadWithRate()
    {
        var dashboard = GrafanaDashboard.Load();

        Assert.NotEmpty(dashboard.Queries);
        Assert.All(dashboard.Queries, q => Assert.False(string.IsNullOrWhiteSpace(q.LegendFormat), $"{q} has no legend"));
        Assert.All(dashboard.Queries, q => Assert.DoesNotContain("delta(", q.Expr, StringComparison.Ordinal));
        Assert.All(dashboard.Queries, q => Assert.DoesNotContain("bot_", q.Expr, StringComparison.Ordinal));
        Assert.All(dashboard.Queries.Where(q => q.Expr.Contains("_total", StringComparison.Ordinal)), q => Assert.Matches(CounterInRate(), q.Expr));
        Assert.All(dashboard.Queries.Where(q => q.Panel.EndsWith(" up", StringComparison.Ordinal)), q => Assert.EndsWith("or vector(0)", q.Expr, StringComparison.Ordinal));
        Assert.Contains(dashboard.Queries, q => q.Panel == "Bridge up" && q.Expr.Contains("up{job=\"$job\"}", StringComparison.Ordinal));
    }

    [ToolFact("prometheus")]
    public async Task EveryPanelQuery_AnswersFromARealPrometheus_AndBridgeUpTurnsRedWhenTheBridgeStops()
    {
        var dashboard = GrafanaDashboard.Load();
        await using var translator = await FakeHttpServer.StartAsync(app => app.MapFakeLibreTranslate(new FakeTranslationApi(), null));
        var f = await OperatorsFixture.StartAsync(new Dictionary<string, string?>
        {
            ["Translation:Provider"] = "LibreTranslate",
            ["Translation:LibreTranslate:Url"] = translator.Url,
            ["Translation:CandidateLanguages"] = "en,ru,es",
        });
        var bridgeStopped = false;
        try
        {
            await using var prometheus = await PrometheusServer.StartAsync(Job, new Uri(f.Bridge.Url).Authority, OperatorsFixture.Timeout);
            await EventuallyAsync(prometheus, $"up{{job=\"{Job}\"}} == 1");

            f.Marketplace.AddBuyerMessage("83001", "Здравствуйте, где мой заказ? Прошло уже две недели.");
            await EventuallyAsync(prometheus, $"sum(rate(bridge_deliveries_total{{job=\"{Job}\"}}[{RateInterval}])) > 0");

            foreach (var query in dashboard.Queries)
            {
                var result = await prometheus.QueryAsync(query.For(Job, RateInterval));
                Assert.True(result.GetArrayLength() > 0, $"no data for {query}");
                Assert.All(PrometheusServer.Values(result), v => Assert.True(v >= 0, $"{query} gave {v}"));
            }

            foreach (var variable in dashboard.VariableQueries)
            {
                var metric = LabelValuesOf().Match(variable).Groups[1].Value;
                var jobs = await prometheus.Http.GetStringAsync(new Uri($"api/v1/label/job/values?match[]={metric}", UriKind.Relative));
                Assert.Contains($"\"{Job}\"", jobs, StringComparison.Ordinal);
            }

            var bridgeUp = dashboard.Queries.Single(q => q.Panel == "Bridge up").For(Job, RateInterval);
            Assert.Equal([1.0], PrometheusServer.Values(await prometheus.QueryAsync(bridgeUp)));
            await f.DisposeAsync();
            bridgeStopped = true;
            foreach (var query in dashboard.Queries.Where(q => q.Panel.EndsWith(" up", StringComparison.Ordinal)))
            {
                await EventuallyAsync(prometheus, $"({query.For(Job, RateInterval)}) == 0");
            }
        }
        finally
        {
            if (!bridgeStopped)
            {
                await f.DisposeAsync();
            }
        }
    }

    /// <summary>Waits until the query has a result (a comparison that holds), up to the fixture's timeout.</summary>
    private static Task EventuallyAsync(PrometheusServer prometheus, string promql) =>
        OperatorsFixture.EventuallyAsync(async () => (await prometheus.QueryAsync(promql)).GetArrayLength() > 0 ? promql : null);

    /// <summary>Each counter (…_total) read through rate() or increase() over a range.</summary>
    [GeneratedRegex(@"^(?:(?!_total).)*(?:(?:rate|increase)\((?:bridge|process|dotnet)_[a-z_]+_total\{[^}]*\}\[[^\]]+\]\)(?:(?!_total).)*)+$")]
    private static partial Regex CounterInRate();

    [GeneratedRegex(@"label_values\(\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\s*,")]
    private static partial Regex LabelValuesOf();
}
