using System.Text.RegularExpressions;
using Bot.Core.Storage;

namespace Bot.Tests.Deployment;

/// <summary>docker-compose.stores.yml lays two stores over docker-compose.yml: store-a (bridge-1 and bridge-2) keeps
/// the public schema, store-b runs with its own settings file, schema and port; every setting it names is documented.
/// Docker itself does not run here.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed partial class StoresComposeTests
{
    private static readonly string Root = FindRoot();
    private readonly string text = File.ReadAllText(Path.Combine(Root, "docker-compose.stores.yml"));

    [Fact]
    public void StoresFile_MakesBridge1And2StoreA_OnPublic_AndAddsStoreB_WithItsOwnSettingsFile()
    {
        Assert.Equal(["bridge-1", "bridge-2", "store-b"], ServiceName().Matches(text).Select(m => m.Groups[1].Value));
        Assert.Equal(["store-a", "store-a", "store-b"], Values("Store__Id"));
        Assert.Equal(["public", "public"], Values("Storage__Schema"));
        Assert.Equal("store_b", StoreOptions.SchemaOf("store-b")); // store-b's tables: the schema named after it
        Assert.Contains("env_file: .env.store-b", text, StringComparison.Ordinal);
        Assert.Contains("\"127.0.0.1:8083:8080\"", text, StringComparison.Ordinal);
        Assert.Contains(".env.store-b", File.ReadAllLines(Path.Combine(Root, ".gitignore")));
        Assert.DoesNotContain("\t", text, StringComparison.Ordinal);
    }

    [Fact]
    public void EverySettingOfTheStoresFile_AndItsExample_IsOneTheReadmeDocuments()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        var example = File.ReadAllLines(Path.Combine(Root, ".env.store-b.example")).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('=', 2)[0]);
        var names = EnvironmentEntry().Matches(text).Select(m => m.Groups[1].Value).Concat(example).Distinct().ToList();

        Assert.Contains("Telegram__BotToken", names);
        Assert.All(names, name => Assert.Contains($"`{name}`", readme, StringComparison.Ordinal));
        Assert.Contains("docker-compose.stores.yml", readme, StringComparison.Ordinal);
    }

    private List<string> Values(string name) =>
        EnvironmentEntry().Matches(text).Where(m => m.Groups[1].Value == name).Select(m => m.Groups[2].Value.Trim().Trim('"')).ToList();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Bot.sln")) && File.Exists(Path.Combine(directory.FullName, "docker-compose.stores.yml")))
            {
                return directory.FullName;
            }
        }

        throw new FileNotFoundException("docker-compose.stores.yml not found above the test's directory.");
    }

    [GeneratedRegex(@"^  ([a-z0-9-]+):\s*$", RegexOptions.Multiline)]
    private static partial Regex ServiceName();

    [GeneratedRegex(@"^      ([A-Za-z_]+__[A-Za-z_]+(?:__[A-Za-z_]+)*): (.+)$", RegexOptions.Multiline)]
    private static partial Regex EnvironmentEntry();
}
