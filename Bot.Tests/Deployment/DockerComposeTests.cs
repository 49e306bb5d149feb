using Bot.Core.Leases;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bot.Tests.Deployment;

/// <summary>docker-compose.yml runs PostgreSQL and two bridges that wait for it and are checked on /readyz, each with
/// settings the bridge knows (documented in the README) and lease times it accepts. Docker itself does not run here.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class DockerComposeTests
{
    private readonly ComposeFile compose = ComposeFile.Load();

    [Fact]
    public void Compose_RunsPostgres_AndTwoBridges_CheckedOnReadyz()
    {
        Assert.Equal(["postgres", "bridge-1", "bridge-2"], compose.Services);
        Assert.Contains("image: postgres:15", compose.Text, StringComparison.Ordinal);
        Assert.Contains("condition: service_healthy", compose.Text, StringComparison.Ordinal);
        Assert.Contains("\"http://127.0.0.1:8080/readyz\"", compose.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("\t", compose.Text, StringComparison.Ordinal); // YAML indents with spaces only
    }

    [Fact]
    public void EverySettingTheBridgesGet_IsOneTheReadmeDocuments()
    {
        var readme = compose.ReadmeText;
        var names = compose.BridgeEnvironment.Select(e => e.Name).Concat(compose.ExampleNames.Where(n => !n.StartsWith("POSTGRES_", StringComparison.Ordinal))).Distinct().ToList();

        Assert.Contains("ConnectionStrings__Bridge", names);
        Assert.Contains("Instances__Id", names);
        Assert.Contains("Telegram__BotToken", names);
        Assert.All(names, name => Assert.Contains($"`{name}`", readme, StringComparison.Ordinal));
    }

    [Fact]
    public void TheComposeFilesLeaseSettings_AreAccepted_AndEachBridgeHasItsOwnId()
    {
        var environment = compose.BridgeEnvironment;
        var settings = environment.Where(e => e.Name.StartsWith("Instances__", StringComparison.Ordinal))
            .GroupBy(e => e.Name).ToDictionary(g => g.Key.Replace("__", ":", StringComparison.Ordinal), g => (string?)g.First().Value);
        using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddLogging().AddLeases().BuildServiceProvider();

        var options = services.GetRequiredService<IOptions<LeaseOptions>>().Value;

        Assert.Equal((TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(5)), (options.LeaseTime, options.RenewEvery));
        Assert.Equal(["bridge-1", "bridge-2"], environment.Where(e => e.Name == "Instances__Id").Select(e => e.Value));
        // Telegram's 30 a second per bot is divided between the live instances by themselves: not halved by hand.
        Assert.DoesNotContain(environment, e => e.Name == "Telegram__Limits__GlobalPerSecond");
    }
}
