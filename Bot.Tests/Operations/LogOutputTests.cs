using System.Globalization;
using System.Text.RegularExpressions;
using Bot.Testing;
using Bot.Testing.AliExpress;
using Bot.Testing.BotApi;
using Bot.Testing.Hosting;
using Bot.Tests.EndToEnd;

namespace Bot.Tests.Operations;

/// <summary>The real program's console log: one line per event in ISO 8601 UTC and the invariant culture, no per-call
/// lines from the HTTP resilience pipeline, no stack traces below Debug, repeated failures summarised.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed partial class LogOutputTests
{
    private const string RelationList = "aliexpress.message.redefining.versiontwo.querymsgrelationlist";
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ShortRunAgainstFakes_LogsOneLinePerEvent_WithoutResiliencePipelineLines()
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        telegram.AddSupergroup(BridgeHost.StaffChatId, "Store staff");
        await using var aliexpress = await FakeAliExpressServer.StartAsync();
        for (var i = 0; i < 5; i++)
        {
            aliexpress.AddBuyerMessage($"81000{i}", $"buyer{i}", $"Buyer {i}", $"log-check-{i}");
        }

        var settings = Settings(telegram.BaseUrl, telegram.Token, aliexpress);
        await using var bridge = BridgeProcess.Start(settings);
        await Eventually.TrueAsync(() => telegram.SentTo(BridgeHost.StaffChatId).Count(m => m.VisibleText?.Contains("log-check-", StringComparison.Ordinal) == true) >= 5 || bridge.HasExited, Within);
        var polls = aliexpress.CallCount(RelationList);
        var linesBefore = bridge.Lines.Count;
        await Eventually.TrueAsync(() => aliexpress.CallCount(RelationList) >= polls + 20 || bridge.HasExited, Within);
        var quietPolls = aliexpress.CallCount(RelationList) - polls;
        // A sixth conversation after the quiet polls logs its topic: once that line is read, so is every line before it.
        aliexpress.AddBuyerMessage("810005", "buyer5", "Buyer 5", "log-check-5");
        await bridge.WaitForOutputAsync(l => l.Count(IsTopicCreated) >= 6, Within);
        Assert.False(bridge.HasExited, bridge.Output);

        var lines = bridge.Lines;
        var marker = lines.Select((l, i) => (l, i)).Where(x => IsTopicCreated(x.l)).ElementAt(5).i;
        Assert.All(lines, l => Assert.Matches(LogLine(), l));
        Assert.DoesNotContain(lines, l => Category(l).StartsWith("Polly", StringComparison.Ordinal) || Category(l).StartsWith("Microsoft.Extensions.Http", StringComparison.Ordinal));
        // Once the five topics are made nothing else happens: twenty more marketplace calls add (almost) no line.
        var added = marker - linesBefore;
        // Start-up, the staff chat check, five topics; besides a line per migration the new database applied (their number
        // grows with the schema, each is logged once: the next test checks that).
        var migrations = lines.Take(linesBefore).Count(l => l.Contains("Applied migration ", StringComparison.Ordinal));
        Assert.InRange(linesBefore - migrations, 1, 20);
        Assert.True(added <= 2, $"{added} lines for {quietPolls} quiet polls:\n{string.Join('\n', lines.Skip(linesBefore).Take(added))}");
        Assert.DoesNotContain("   at ", bridge.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnreachableTelegram_LogsTheFirstFailure_NoStacks_AndABoundedNumberOfLines()
    {
        await using var aliexpress = await FakeAliExpressServer.StartAsync();
        var settings = Settings("http://127.0.0.1:9", "123456789:AAHtest-token-0123456789", aliexpress);
        // Every getUpdates failure also as a Debug line, to count them; the default level stays Information.
        settings["Logging__LogLevel__Bot.TelegramApi.UpdateReceiver"] = "Debug";
        await using var bridge = BridgeProcess.Start(settings);

        await bridge.WaitForOutputAsync(lines => lines.Count(l => l.Contains(" dbug Bot.TelegramApi.UpdateReceiver: getUpdates failed", StringComparison.Ordinal)) >= 4, Within);
        Assert.False(bridge.HasExited, bridge.Output);

        var lines = bridge.Lines;
        Assert.All(lines, l => Assert.Matches(LogLine(), l));
        Assert.DoesNotContain("   at ", bridge.Output, StringComparison.Ordinal);
        var important = lines.Where(l => !l.Contains(" dbug ", StringComparison.Ordinal)).ToList();
        var telegramFailures = Assert.Single(important, l => l.Contains("Bot.TelegramApi.UpdateReceiver", StringComparison.Ordinal));
        Assert.Contains("Telegram getUpdates failed (Connection refused (127.0.0.1:9)); trying again in 1 s", telegramFailures, StringComparison.Ordinal);
        // One line per migration applied (a fresh database), each once; the rest bounded: the start, the self-check's
        // line per method (seven) and the refusals it met, and one Telegram failure however often it repeats.
        var migrations = important.Where(l => l.Contains("Applied migration ", StringComparison.Ordinal)).ToList();
        Assert.Equal(migrations.Count, migrations.Select(l => l[l.IndexOf("Applied migration ", StringComparison.Ordinal)..]).Distinct().Count());
        var rest = important.Except(migrations).ToList();
        Assert.True(rest.Count is >= 1 and <= 20, string.Join("\n", rest));
    }

    private static Dictionary<string, string?> Settings(string telegramUrl, string token, FakeAliExpressServer aliexpress)
    {
        var settings = BridgeProcess.QuietSettings(Path.Combine(Directory.CreateTempSubdirectory("bridge-log-").FullName, "bridge.db"));
        settings["Telegram__BotToken"] = token;
        settings["Telegram__ApiBaseUrl"] = telegramUrl;
        settings["Telegram__PollTimeoutSeconds"] = "1";
        settings["Marketplace__AliExpress__GatewayUrl"] = aliexpress.BaseUrl;
        settings["Marketplace__AliExpress__AppKey"] = aliexpress.AppKey;
        settings["Marketplace__AliExpress__AppSecret"] = aliexpress.AppSecret;
        settings["Marketplace__AliExpress__AccessToken"] = aliexpress.AccessToken;
        settings["Marketplace__AliExpress__SellerLoginId"] = aliexpress.SellerLoginId;
        settings["Marketplace__AliExpress__PollInterval"] = "00:00:00.200";
        settings["Logging__LogLevel__Default"] = "Information";
        // A locale that writes dates and decimals differently: the log must not follow it.
        settings["LANG"] = "de_DE.UTF-8";
        settings["LC_ALL"] = "de_DE.UTF-8";
        return settings;
    }

    private static bool IsTopicCreated(string line) => line.Contains("Created staff topic", StringComparison.Ordinal);

    private static string Category(string line) => line.Split(' ', 4) is [_, _, var category, _] ? category.TrimEnd(':') : "";

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z (trce|dbug|info|warn|fail|crit) [\w.]+: \S")]
    private static partial Regex LogLine();
}
