using Bot.Stores;
using Microsoft.Extensions.Configuration;

namespace Bot.Tests.Stores;

/// <summary>The process's own settings in stores mode: a bad one is a sentence naming it, before any store starts;
/// without Stores__Directory the process is one store, as before.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class StoresSettingsTests
{
    [Theory]
    [InlineData("Stores:ScanInterval", "00:00:00", "Stores__ScanInterval must be positive")]
    [InlineData("Stores:ReadinessTimeout", "-00:00:01", "Stores__ReadinessTimeout must be positive")]
    [InlineData("Stores:RetryDelay", "00:00:00", "Stores__RetryDelay must be positive and Stores__MaxRetryDelay at least as long")]
    [InlineData("Stores:MaxRetryDelay", "00:00:05", "Stores__RetryDelay must be positive and Stores__MaxRetryDelay at least as long")]
    [InlineData("Urls", "http://0.0.0.0:8080", "set Operators__HttpToken")]
    public async Task ABadProcessSetting_IsASentenceNamingIt(string key, string value, string sentence)
    {
        var builder = BridgeApp.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Stores:Directory"] = Path.GetTempPath(), [key] = value });
        await using var app = builder.AddStores().BuildStores();

        var problems = app.ValidateConfiguration();

        Assert.Contains(problems, p => p.Contains(sentence, StringComparison.Ordinal));
    }

    [Fact]
    public void OnlyAStoresDirectory_AsksForSeveralStores()
    {
        Assert.False(StoresApp.IsRequested(new ConfigurationBuilder().Build()));
        Assert.False(StoresApp.IsRequested(new ConfigurationBuilder().AddInMemoryCollection([new("Stores:Directory", " ")]).Build()));
        Assert.True(StoresApp.IsRequested(new ConfigurationBuilder().AddInMemoryCollection([new("Stores:Directory", "stores")]).Build()));
    }
}
