using System.Globalization;

namespace Bot.Benchmarks.Reporting;

/// <summary>Collects the figures of a run and prints each beside its reference as soon as it is measured, then
/// all of them again as one table at the end.</summary>
public sealed class Report
{
    private readonly List<(string Scenario, Figure Figure)> figures = [];
    private string scenario = "";

    public void BeginScenario(string title)
    {
        scenario = title;
        Console.WriteLine();
        Console.WriteLine($"== {title}");
    }

    public static void Note(string text) => Console.WriteLine($"   {text}");

    public void Add(Figure figure)
    {
        figures.Add((scenario, figure));
        Console.WriteLine($"   {figure.Name}: {figure.Measured}   | reference: {figure.Reference}{(figure.Verdict is null ? "" : $"   | {figure.Verdict}")}");
    }

    public void PrintSummary()
    {
        Console.WriteLine();
        Console.WriteLine("== Summary (measured | reference | verdict)");
        foreach (var group in figures.GroupBy(f => f.Scenario))
        {
            Console.WriteLine($"-- {group.Key}");
            foreach (var (_, f) in group)
            {
                Console.WriteLine($"   {f.Name} | {f.Measured} | {f.Reference} | {f.Verdict ?? "-"}");
            }
        }
    }

    public static string Rate(double perSecond) => perSecond.ToString("N0", CultureInfo.InvariantCulture) + " msg/s";

    public static string Seconds(double seconds) => seconds.ToString("N1", CultureInfo.InvariantCulture) + " s";

    public static string Micros(double micros) => micros.ToString("N1", CultureInfo.InvariantCulture) + " µs";

    public static string Number(double value, int decimals = 0) => value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static string MiB(long bytes) => (bytes / 1024.0 / 1024.0).ToString("N1", CultureInfo.InvariantCulture) + " MiB";

    public static string Verdict(bool met, string target) => (met ? "meets " : "MISSES ") + target;

    /// <summary>A memory target in megabytes as the issue states it (1 MB = 1,000,000 bytes, the stricter reading of
    /// "MB": 150 MB is 143.1 MiB), compared with a resident set in bytes; the verdict names both units.</summary>
    public static string MemoryVerdict(long bytes, int megabytes) =>
        Verdict(bytes <= megabytes * 1_000_000L, $"target ≤ {megabytes} MB ({MiB(megabytes * 1_000_000L)})");
}
