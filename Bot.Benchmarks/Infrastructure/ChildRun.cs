using System.Diagnostics;
using System.Globalization;

namespace Bot.Benchmarks.Infrastructure;

/// <summary>Runs this program again as a child process (so nothing of the parent or its fakes is measured) and reads
/// the one line the child reports its figures on.</summary>
public sealed record ChildRun(string Output, double[] Figures)
{
    /// <param name="arguments">The child mode and its arguments, e.g. <c>memory-child</c> and the fake's address.</param>
    /// <param name="resultPrefix">What starts the child's result line; the figures follow, separated by spaces.</param>
    /// <param name="environment">Variables set for the child only (runtime settings an option tries).</param>
    public static async Task<ChildRun> RunAsync(IEnumerable<string> arguments, string resultPrefix, IReadOnlyDictionary<string, string>? environment = null)
    {
        var (file, prefix) = SelfCommand();
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        foreach (var argument in prefix.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        using var child = Process.Start(start) ?? throw new InvalidOperationException("Could not start the child process.");
        var output = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith(resultPrefix, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"The child process (exit code {child.ExitCode}) reported nothing:\n{output}");
        return new ChildRun(output, line[resultPrefix.Length..].Split(' ').Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray());
    }

    /// <summary>How to start this program again: <c>dotnet exec</c> with the host's own runtime settings
    /// (Bot.runtimeconfig.json, copied beside this program: garbage collector, compilation), so that the child
    /// measures the runtime as the bridge ships, not as this benchmark is configured.</summary>
    private static (string File, string[] Prefix) SelfCommand()
    {
        var process = Environment.ProcessPath ?? throw new InvalidOperationException("Unknown process path.");
        var dotnet = Path.GetFileNameWithoutExtension(process).Equals("dotnet", StringComparison.OrdinalIgnoreCase) ? process : "dotnet";
        var directory = AppContext.BaseDirectory;
        var program = typeof(ChildRun).Assembly.Location;
        return (dotnet, ["exec", "--runtimeconfig", Path.Combine(directory, "Bot.runtimeconfig.json"),
            "--depsfile", Path.ChangeExtension(program, ".deps.json"), program]);
    }
}
