using Bot.Benchmarks.Infrastructure;
using Bot.Benchmarks.Reporting;
using Bot.Testing.Translation;

namespace Bot.Benchmarks.Scenarios;

/// <summary>Scenario 5: each language-detection option over the tests' corpus, accuracy beside the memory it holds,
/// each in a child process of its own (<see cref="DetectionOptionChild"/>).</summary>
public sealed class DetectionScenario(Report report)
{
    private static readonly (string Option, string Name)[] Options =
    [
        ("complete", "Lingua high accuracy, complete models (the default before)"),
        ("low", "Lingua low accuracy (trigram models only)"),
        ("low-compact", "Low accuracy as shipped (Translation__LowAccuracyMode): Lingua's trigram models held compactly"),
        ("pruned", "Lingua high accuracy over pruned models alone (four/five-grams seen ≥ 200 times)"),
        ("compact", "Pruned models alone, held compactly (sorted packed keys, indexes into each model's probabilities; Lingua's rules and arithmetic)"),
        ("two-tier", "Two tiers as shipped: compact pruned models, complete models only for short texts they cannot tell"),
        ("pruned-1000", "Pruned models alone, four/five-grams seen ≥ 1,000 times"),
        ("two-tier-1000", "Two tiers, four/five-grams seen ≥ 1,000 times"),
        ("two-tier-500", "Two tiers, four/five-grams seen ≥ 500 times"),
        ("two-tier-5000", "Two tiers, four/five-grams seen ≥ 5,000 times"),
    ];

    public async Task RunAsync()
    {
        report.BeginScenario($"5. Language detection options: {MarketplaceCorpus.Messages.Length} corpus messages, {MarketplaceCorpus.ShortMessages.Length} one-to-three-word ones, 16 candidate languages, all models loaded");
        var only = Environment.GetEnvironmentVariable("BENCH_DETECTION");
        foreach (var (option, name) in Options.Where(o => only is null || only.Split(',').Contains(o.Option)))
        {
            var v = await RunChildAsync(option);
            var held = option.StartsWith("two-tier", StringComparison.Ordinal)
                ? $"heap +{Report.MiB(v[3])} (RSS {Report.MiB(v[4])}) with the complete models loaded; +{Report.MiB(v[5])} (RSS {Report.MiB(v[6])}) once they are dropped when idle"
                : $"heap +{Report.MiB(v[3])}, RSS {Report.MiB(v[4])}";
            report.Add(new Figure(name, $"{v[0]}/{MarketplaceCorpus.Messages.Length} messages, {v[1]}/{MarketplaceCorpus.ShortMessages.Length} short, {v[2]} wrong", held,
                option == "complete" ? "the accuracy reference" : null));
        }
    }

    private static async Task<long[]> RunChildAsync(string option)
    {
        var run = await ChildRun.RunAsync(["detection-child", option], DetectionOptionChild.ResultPrefix);
        foreach (var line in run.Output.Split('\n').Where(l => l.StartsWith("DETECTION-DETAIL ", StringComparison.Ordinal)))
        {
            Report.Note(line["DETECTION-DETAIL ".Length..].Trim());
        }

        return run.Figures.Select(x => (long)x).ToArray();
    }
}
