using System.Text.RegularExpressions;
using Bot.Testing;
using Bot.Testing.AliExpress;
using Bot.Testing.BotApi;
using Bot.Testing.Hosting;

namespace Bot.Tests.EndToEnd;

/// <summary>The bridge as a separate process, killed with SIGKILL while relaying, then restarted on the same database.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
[Harness.RunsLong]
public sealed partial class CrashRecoveryTests
{
    private const long Staff = BridgeHost.StaffChatId;
    private const int Messages = 200;
    private const int Orders = 10;

    [Fact]
    public async Task SigkillWhileRelaying200Messages_AllArrive_NoMoreTwiceThanWereInFlight()
    {
        await using var telegram = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { RateLimitsEnabled = false });
        telegram.AddSupergroup(Staff, "Store staff");
        await using var aliexpress = await FakeAliExpressServer.StartAsync();
        for (var i = 0; i < Messages; i++)
        {
            aliexpress.AddBuyerMessage($"80000{i % Orders}", $"buyer{i % Orders}", $"Buyer {i % Orders}", $"msg-{i:D3}");
        }

        var database = Path.Combine(Directory.CreateTempSubdirectory("bridge-crash-").FullName, "bridge.db");
        var environment = BridgeProcess.Environment(telegram, aliexpress, database);
        // 2 sends a second: buyer messages of an order that wait go out merged (up to 17 in one send), so the ~30 sends
        // take over ten seconds and the kill always lands mid-relay.
        environment["Telegram__Limits__GlobalPerSecond"] = "2";

        await using (var first = BridgeProcess.Start(environment))
        {
            await Eventually.TrueAsync(() => Relayed(telegram).Count >= 40 || first.HasExited, TimeSpan.FromSeconds(60));
            Assert.False(first.HasExited, "the bridge stopped by itself");
            await first.KillAsync(); // SIGKILL on Linux: no shutdown code runs
        }

        var atKill = Relayed(telegram).Count;
        Assert.InRange(atKill, 40, Messages - 1);

        await using (BridgeProcess.Start(environment))
        {
            // Failing only when nothing more arrives for a minute: on a loaded machine the restart alone takes seconds.
            await Eventually.ProgressingAsync(() => Relayed(telegram).Distinct().Count(), Messages, TimeSpan.FromSeconds(60));
        }

        var relayed = Relayed(telegram);
        Assert.Equal(Enumerable.Range(0, Messages).Select(i => $"msg-{i:D3}"), relayed.Distinct().Order());
        // Deliveries in flight when the process died are sent again: at most Relay:MaxParallelDeliveries (8) sends, each
        // once (a merged send repeats every message it carried).
        Assert.InRange(Resends(telegram), 0, new Bot.Core.Outbox.OutboxOptions().MaxParallelDeliveries);
        Assert.InRange(telegram.Topics(Staff).Count, Orders, Orders + 1);
    }

    private static List<string> Relayed(FakeTelegramServer telegram) =>
        telegram.SentTo(Staff).SelectMany(m => MessageText().Matches(m.VisibleText ?? "").Select(x => x.Value)).ToList();

    /// <summary>Telegram messages that repeat a buyer message an earlier one already showed.</summary>
    private static int Resends(FakeTelegramServer telegram)
    {
        var seen = new HashSet<string>();
        var resends = 0;
        foreach (var message in telegram.SentTo(Staff))
        {
            var texts = MessageText().Matches(message.VisibleText ?? "").Select(x => x.Value).ToList();
            resends += texts.Any(seen.Contains) ? 1 : 0;
            seen.UnionWith(texts);
        }

        return resends;
    }

    [GeneratedRegex(@"msg-\d{3}")]
    private static partial Regex MessageText();
}
