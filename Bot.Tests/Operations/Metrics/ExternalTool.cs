namespace Bot.Tests.Operations.Metrics;

/// <summary>Command-line tools some tests need (promtool, prometheus: Debian package "prometheus"). Where one is
/// missing those tests are skipped, except under CI=true, where they run and fail (.ci/run installs the package).</summary>
public static class ExternalTool
{
    public static bool UnderCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);

    /// <summary>The tool's path; fails the test when it is missing.</summary>
    public static string Require(string name) =>
        Find(name) ?? throw new InvalidOperationException($"{name} is not on PATH: install the Debian package \"prometheus\" (apt-get install -y --no-install-recommends prometheus).");
}
