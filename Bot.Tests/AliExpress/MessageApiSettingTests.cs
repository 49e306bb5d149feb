using Bot.Tests.EndToEnd;

namespace Bot.Tests.AliExpress;

/// <summary><c>Marketplace__AliExpress__MessageApi</c> set to something that is not a family stops the real program with
/// one sentence naming the setting and the values it takes.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class MessageApiSettingTests
{
    [Fact]
    public async Task UnknownMessageApi_ExitsWithCode2_NamingTheSettingAndItsValues()
    {
        var settings = BridgeProcess.QuietSettings(Path.Combine(Directory.CreateTempSubdirectory("messageapi-").FullName, "bridge.db"));
        settings["Marketplace__AliExpress__MessageApi"] = "Newest";

        await using var bridge = BridgeProcess.Start(settings);

        Assert.Equal(2, await bridge.ExitCodeAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains(bridge.Lines, l => l.StartsWith("Configuration error: Marketplace__AliExpress__MessageApi must be one of Auto, VersionTwo, Im", StringComparison.Ordinal));
    }
}
