using System.Text.RegularExpressions;

namespace Bot.Tests.Deployment;

/// <summary>docker-compose.yml and .env.example as the tests read them: the services, and the settings each bridge
/// gets (its <c>environment</c> block, with anchors merged, and the names of the example .env).</summary>
internal sealed partial class ComposeFile(string text, string example)
{
    public static ComposeFile Load()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var compose = Path.Combine(directory.FullName, "docker-compose.yml");
            if (File.Exists(Path.Combine(directory.FullName, "Bot.sln")) && File.Exists(compose))
            {
                return new ComposeFile(File.ReadAllText(compose), File.ReadAllText(Path.Combine(directory.FullName, ".env.example")));
            }
        }

        throw new FileNotFoundException("docker-compose.yml not found above the test's directory.");
    }

    public string Text => text;

    public string ReadmeText
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Bot.sln")))
                {
                    return File.ReadAllText(Path.Combine(directory.FullName, "README.md"));
                }
            }

            throw new FileNotFoundException("README.md not found above the test's directory.");
        }
    }

    /// <summary>The services, by their two-space-indented names under <c>services:</c>.</summary>
    public IReadOnlyList<string> Services
    {
        get
        {
            var start = text.IndexOf("\nservices:", StringComparison.Ordinal);
            var end = text.IndexOf("\nvolumes:", start + 1, StringComparison.Ordinal);
            var block = text[start..(end < 0 ? text.Length : end)];
            return ServiceName().Matches(block).Select(m => m.Groups[1].Value).ToList();
        }
    }

    /// <summary>Every setting name given to a bridge in the compose file (six-space-indented keys of an environment
    /// block) with its value.</summary>
    public IReadOnlyList<(string Name, string Value)> BridgeEnvironment =>
        EnvironmentEntry().Matches(text).Select(m => (m.Groups[1].Value, m.Groups[2].Value.Trim().Trim('"'))).ToList();

    /// <summary>The setting names the example .env gives (the database password, then the bridges' settings).</summary>
    public IReadOnlyList<string> ExampleNames =>
        example.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('=', 2)[0]).ToList();

    [GeneratedRegex(@"^  ([a-z][a-z0-9-]*):", RegexOptions.Multiline)]
    private static partial Regex ServiceName();

    [GeneratedRegex(@"^      ([A-Za-z]+__[A-Za-z_]+|Urls):[ ]*(.*)$", RegexOptions.Multiline)]
    private static partial Regex EnvironmentEntry();
}
