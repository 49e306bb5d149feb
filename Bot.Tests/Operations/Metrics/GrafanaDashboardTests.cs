using System.Text.RegularExpressions;
using Bot.Testing;
using Bot.Testing.Translation;

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
    public async Task EveryPanelQuery_AnswersFromARealPrometheus_StaysNonNegativeAcrossARestart_AndBridgeUpTurnsRed()
    {
        var dashboard = GrafanaDashboard.Load();
        await using var translator = await LoopbackServer.StartAsync(app => app.MapFakeLibreTranslate(new FakeTranslationApi(), null));
        var port = PrometheusServer.FreePort();
        OperatorsFixture? f = await StartBridgeAsync(translator, port);
        try
        {
            await using var prometheus = await PrometheusServer.StartAsync(Job, $"127.0.0.1:{port}", OperatorsFixture.Timeout);
            await QueryHoldsAsync(prometheus, $"up{{job=\"{Job}\"}} == 1");

            f.Marketplace.AddBuyerMessage("83001", "Здравствуйте, где мой заказ? Прошло уже две недели.");
            await QueryHoldsAsync(prometheus, $"sum(rate(bridge_deliveries_total{{job=\"{Job}\"}}[{RateInterval}])) > 0");
            await AssertEveryPanelAnswersAsync(prometheus, dashboard, RateInterval);
            foreach (var variable in dashboard.VariableQueries)
            {
                var metric = LabelValuesOf().Match(variable).Groups[1].Value;
                var jobs = await prometheus.Http.GetStringAsync(new Uri($"api/v1/label/job/values?match[]={metric}", UriKind.Relative));
                Assert.Contains($"\"{Job}\"", jobs, StringComparison.Ordinal);
            }

            // A restart sets the counters back to 0: rate() takes that as a reset where delta() (the old panels) dips below 0.
            // The panels are then read over a window that holds the reset.
            await f.DisposeAsync();
            f = null;
            f = await StartBridgeAsync(translator, port);
            var staffPosts = $"bridge_deliveries_total{{job=\"{Job}\",kind=\"staff_post\"}}";
            await QueryHoldsAsync(prometheus, $"resets({staffPosts}[30s]) > 0 and {staffPosts} == 0");
            await AssertEveryPanelAnswersAsync(prometheus, dashboard, "30s");

            var bridgeUp = dashboard.Queries.Single(q => q.Panel == "Bridge up").For(Job, RateInterval);
            Assert.Equal([1.0], PrometheusServer.Values(await prometheus.QueryAsync(bridgeUp)));
            await f.DisposeAsync();
            f = null;
            foreach (var query in dashboard.Queries.Where(q => q.Panel.EndsWith(" up", StringComparison.Ordinal)))
            {
                await QueryHoldsAsync(prometheus, $"({query.For(Job, RateInterval)}) == 0");
            }
        }
        finally
        {
            if (f is not null)
            {
                await f.DisposeAsync();
            }
        }
    }

    private static Task<OperatorsFixture> StartBridgeAsync(LoopbackServer translator, int port)
    {
        var settings = LibreTranslateHostSettings.For(translator);
        settings["Urls"] = $"http://127.0.0.1:{port}";
        return OperatorsFixture.StartAsync(settings);
    }

    /// <summary>Each panel's query, as Grafana would send it: a result, no error, no negative value.</summary>
    private static async Task AssertEveryPanelAnswersAsync(PrometheusServer prometheus, GrafanaDashboard dashboard, string rateInterval)
    {
        foreach (var query in dashboard.Queries)
        {
            var result = await prometheus.QueryAsync(query.For(Job, rateInterval));
            Assert.True(result.GetArrayLength() > 0, $"no data for {query}");
            Assert.All(PrometheusServer.Values(result), v => Assert.True(v >= 0, $"{query} gave {v}"));
        }
    }

    /// <summary>Waits until the query has a result (a comparison that holds), up to the fixture's timeout.</summary>
    private static Task QueryHoldsAsync(PrometheusServer prometheus, string promql) =>
        Eventually.TrueAsync(async () => (await prometheus.QueryAsync(promql)).GetArrayLength() > 0, OperatorsFixture.Timeout, promql);

    /// <summary>Each counter (…_total) read through rate() or increase() over a range.</summary>
    [GeneratedRegex(@"^(?:(?!_total).)*(?:(?:rate|increase)\((?:bridge|process|dotnet)_[a-z_]+_total\{[^}]*\}\[[^\]]+\]\)(?:(?!_total).)*)+$")]
    private static partial Regex CounterInRate();

    [GeneratedRegex(@"label_values\(\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\s*,")]
    private static partial Regex LabelValuesOf();
}
