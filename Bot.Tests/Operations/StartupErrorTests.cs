using System.Net;
using System.Net.Sockets;
using Bot.Tests.EndToEnd;

namespace Bot.Tests.Operations;

/// <summary>The real program, started with a bad setting or in an unusable place, ends with one sentence per problem
/// naming the setting, exit code 2, and no stack trace.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
[Harness.RunsLong]
public sealed class StartupErrorTests
{
    private static readonly TimeSpan ExitWithin = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("Telegram__BotToken", null, "Telegram__BotToken is not set")]
    [InlineData("Telegram__BotToken", "not-a-token", "Telegram__BotToken is malformed")]
    [InlineData("Telegram__StaffChatId", "abc", "Telegram__StaffChatId is not a whole number")]
    [InlineData("Telegram__StaffChatId", "123456", "Telegram__StaffChatId is a positive id")]
    [InlineData("Telegram__ApiBaseUrl", "api.telegram.org", "Telegram__ApiBaseUrl must be an absolute http(s) URL")]
    [InlineData("Marketplace__AliExpress__PollInterval", "abc", "Marketplace__AliExpress__PollInterval is not a duration")]
    [InlineData("Marketplace__AliExpress__PollInterval", "00:06:00", "Marketplace__AliExpress__IdlePollInterval (unless set: 8 × PollInterval, at most 2 minutes or PollInterval) must be shorter than Operations__ReadyMaxPollAge")]
    [InlineData("Marketplace__AliExpress__IdlePollInterval", "00:10:00", "Marketplace__AliExpress__IdlePollInterval (unless set: 8 × PollInterval, at most 2 minutes or PollInterval) must be shorter than Operations__ReadyMaxPollAge")]
    [InlineData("Marketplace__OrderRefreshInterval", "00:00:00", "Marketplace__OrderRefreshInterval must be more than zero and at most a day")]
    [InlineData("Marketplace__OrderRefreshInterval", "soon", "Marketplace__OrderRefreshInterval is not a duration")]
    [InlineData("Relay__RetryFor", "a day", "Relay__RetryFor is not a duration")]
    [InlineData("Relay__AllowPrivateMediaHosts", "maybe", "Relay__AllowPrivateMediaHosts must be true or false")]
    [InlineData("Translation__Provider", "Google", "Translation__Provider must be one of None, LibreTranslate, DeepL, Yandex, OpenAI")]
    [InlineData("ConnectionStrings__Bridge", "postgres://", "ConnectionStrings__Bridge is not a PostgreSQL URL")]
    [InlineData("ConnectionStrings__Bridge", "Host=127.0.0.1;Colour=blue", "ConnectionStrings__Bridge is not a PostgreSQL connection string")]
    [InlineData("ConnectionStrings__Bridge", "Host=127.0.0.1;Username=bridge", "Set the database in ConnectionStrings__Bridge")]
    public async Task BadSetting_ExitsWithCode2_AndOneSentenceNamingIt_WithoutStackTrace(string key, string? value, string sentence)
    {
        var settings = BridgeProcess.QuietSettings(TempDatabase());
        settings[key] = value;

        await using var bridge = BridgeProcess.Start(settings);

        Assert.Equal(2, await bridge.ExitCodeAsync(ExitWithin));
        Assert.Equal([$"Configuration error: {sentence}"], bridge.Lines.Where(l => l.StartsWith("Configuration error:", StringComparison.Ordinal)).Select(l => l[..(21 + sentence.Length)]));
        AssertNoStackTrace(bridge.Output);
    }

    [Fact]
    public async Task SeveralBadSettings_AreAllReported_OneSentenceEach()
    {
        var settings = BridgeProcess.QuietSettings(TempDatabase());
        settings["Telegram__BotToken"] = "not-a-token";
        settings["Telegram__StaffChatId"] = "abc";
        settings["Telegram__ApiBaseUrl"] = "nowhere";
        settings["Marketplace__AliExpress__PollInterval"] = "abc";
        settings["Marketplace__AliExpress__AppKey"] = null;
        settings["Relay__MaxAttempts"] = "eight";
        settings["Relay__IncludeOriginalOnMarketplace"] = "maybe";

        await using var bridge = BridgeProcess.Start(settings);

        Assert.Equal(2, await bridge.ExitCodeAsync(ExitWithin));
        var errors = bridge.Lines.Where(l => l.StartsWith("Configuration error:", StringComparison.Ordinal)).ToList();
        string[] named =
        [
            "Telegram__BotToken", "Telegram__StaffChatId", "Telegram__ApiBaseUrl", "Marketplace__AliExpress__PollInterval",
            "Marketplace__AliExpress__AppKey", "Relay__MaxAttempts", "Relay__IncludeOriginalOnMarketplace",
        ];
        Assert.Equal(named.Length, errors.Count);
        Assert.All(named, key => Assert.Single(errors, e => e.Contains(key, StringComparison.Ordinal)));
        AssertNoStackTrace(bridge.Output);
    }

    [Fact]
    public async Task PortInUse_ExitsWithCode2_NamingUrls()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var address = $"http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}";
        var settings = BridgeProcess.QuietSettings(TempDatabase());
        settings["Urls"] = address;

        await using var bridge = BridgeProcess.Start(settings);

        Assert.Equal(2, await bridge.ExitCodeAsync(ExitWithin));
        Assert.Single(bridge.Lines, l => l.StartsWith($"Cannot start: The bridge cannot listen on {address}: another program already uses that address", StringComparison.Ordinal)
            && l.Contains("set Urls", StringComparison.Ordinal));
        AssertNoStackTrace(bridge.Output);
    }

    [Fact]
    public async Task DatabaseNotWritable_ExitsWithCode2_NamingTheConnectionString()
    {
        // A regular file where the database's directory should be: unusable even for root.
        var notADirectory = Path.GetTempFileName();
        var settings = BridgeProcess.QuietSettings(Path.Combine(notADirectory, "bridge.db"));

        await using var bridge = BridgeProcess.Start(settings);

        Assert.Equal(2, await bridge.ExitCodeAsync(ExitWithin));
        Assert.Single(bridge.Lines, l => l.StartsWith("Cannot start: The database", StringComparison.Ordinal)
            && l.Contains(notADirectory, StringComparison.Ordinal) && l.Contains("ConnectionStrings__Bridge", StringComparison.Ordinal));
        AssertNoStackTrace(bridge.Output);
    }

    [Fact]
    public async Task PostgresUnreachable_ExitsWithCode2_NamingTheConnectionString_WithoutThePassword()
    {
        var settings = BridgeProcess.QuietSettings(TempDatabase());
        settings["ConnectionStrings__Bridge"] = $"Host=127.0.0.1;Port={ClosedPort()};Database=bridge;Username=bridge;Password=hunter2-secret;Timeout=5";

        await using var bridge = BridgeProcess.Start(settings);

        Assert.Equal(2, await bridge.ExitCodeAsync(ExitWithin));
        Assert.Single(bridge.Lines, l => l.StartsWith("Cannot start: The PostgreSQL database named by ConnectionStrings__Bridge cannot be used", StringComparison.Ordinal));
        Assert.DoesNotContain("hunter2-secret", bridge.Output, StringComparison.Ordinal);
        AssertNoStackTrace(bridge.Output);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port; // closed again when the listener is disposed
    }

    private static void AssertNoStackTrace(string output)
    {
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
    }

    private static string TempDatabase() => Path.Combine(Directory.CreateTempSubdirectory("bridge-startup-").FullName, "bridge.db");
}
