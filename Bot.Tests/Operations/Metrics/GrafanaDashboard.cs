using System.Text.Json;

namespace Bot.Tests.Operations.Metrics;

/// <summary>docs/grafana-dashboard.json as the tests read it: each panel's queries, with Grafana's variables
/// substituted the way Grafana would for a given job and rate interval.</summary>
public sealed record GrafanaDashboard(IReadOnlyList<DashboardQuery> Queries, IReadOnlyList<string> VariableQueries)
{
    public static string FilePath
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "docs", "grafana-dashboard.json");
                if (File.Exists(Path.Combine(directory.FullName, "Bot.sln")) && File.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new FileNotFoundException("docs/grafana-dashboard.json not found above the test's directory.");
        }
    }

    public static GrafanaDashboard Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(FilePath));
        var root = document.RootElement;
        var queries = root.GetProperty("panels").EnumerateArray()
            .SelectMany(panel => panel.GetProperty("targets").EnumerateArray().Select(t => new DashboardQuery(
                panel.GetProperty("title").GetString()!,
                panel.GetProperty("type").GetString()!,
                t.GetProperty("refId").GetString()!,
                t.GetProperty("expr").GetString()!,
                t.TryGetProperty("legendFormat", out var legend) ? legend.GetString() : null)))
            .ToList();
        var variables = root.GetProperty("templating").GetProperty("list").EnumerateArray()
            .Select(v => v.GetProperty("definition").GetString()!)
            .ToList();
        return new GrafanaDashboard(queries, variables);
    }
}

/// <param name="Expr">PromQL with Grafana's variables ($job, $__rate_interval) still in it.</param>
public sealed record DashboardQuery(string Panel, string PanelType, string RefId, string Expr, string? LegendFormat)
{
    public string For(string job, string rateInterval) => Expr
        .Replace("$__rate_interval", rateInterval, StringComparison.Ordinal)
        .Replace("$job", job, StringComparison.Ordinal);

    public override string ToString() => $"{Panel} / {RefId}: {Expr}";
}
