using System.Globalization;
using Bot.Core.Outbox;
using Bot.Testing;
using Bot.Testing.AliExpress;
using Bot.Testing.BotApi;
using Bot.Testing.Hosting;
using Bot.Tests.EndToEnd.FaultMatrix;
using Xunit.Abstractions;

namespace Bot.Tests.EndToEnd;

/// <summary>The bridge as its own process, SIGKILLed 20 times at random moments while it relays 500 messages both ways,
/// restarted each time on the same SQLite database. Set CRASH_LOOP_SEED to replay a run.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
[Harness.RunsLong]
public sealed class CrashLoopTests(ITestOutputHelper output)
{
    private const int Orders = 10;
    private const int Kills = 20;
    private const int BuyerPerRound = 15;
    private const int StaffPerRound = 10;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task TwentySigkillsDuringATwoWayRelayOf500Messages_LoseNothing_KeepOrder_RepeatAtMostTheInFlight()
    {
        var seed = int.TryParse(System.Environment.GetEnvironmentVariable("CRASH_LOOP_SEED"), CultureInfo.InvariantCulture, out var s) ? s : Random.Shared.Next();
        output.WriteLine($"crash loop seed {seed}");
        var random = new Random(seed);
        await using var telegram = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { RateLimitsEnabled = false });
        telegram.AddSupergroup(BridgeHost.StaffChatId, "Store staff");
        await using var aliexpress = await FakeAliExpressServer.StartAsync();
        var traffic = new TwoWayTraffic(telegram, aliexpress, Orders);
        var database = Path.Combine(Directory.CreateTempSubdirectory("bridge-crash-loop-").FullName, "bridge.db");
        var environment = BridgeProcess.Environment(telegram, aliexpress, database);
        // 30 sends a second (Telegram's global limit): the relay takes long enough for every kill to land mid-relay.
        environment["Telegram__Limits__GlobalPerSecond"] = "30";
        // One message per send, so the bound below counts messages (a merged send repeats each message it carried:
        // CrashRecoveryTests bounds those by sends).
        environment["Relay__MergePosts"] = "false";
        // Language detection is not under test here: a small model keeps each restart short.
        environment["Translation__CandidateLanguages"] = "en,ru";
        environment["Translation__LowAccuracyMode"] = "true";
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var duplicatesAtKill = new List<int> { 0 };
        for (var round = 0; round < Kills; round++)
        {
            // Kill after a random number of further arrivals (both directions, repeats included), always fewer than
            // the messages still pending, so the kill lands while the bridge is relaying.
            var after = random.Next(1, BuyerPerRound + StaffPerRound);
            var baseline = traffic.Arrivals;
            await using var bridge = BridgeProcess.Start(environment);
            traffic.AddBuyerMessages(BuyerPerRound);
            await traffic.AddStaffRepliesAsync(StaffPerRound, Timeout);
            await Eventually.TrueAsync(() => traffic.Arrivals >= baseline + after || bridge.HasExited, Timeout);
            Assert.False(bridge.HasExited, "the bridge stopped by itself");
            await bridge.KillAsync();
            duplicatesAtKill.Add(Duplicates(traffic));
            output.WriteLine($"kill {round + 1} after {traffic.Arrivals - baseline} arrivals (planned {after}) at {clock.Elapsed.TotalSeconds:F1} s");
        }

        await using (var last = BridgeProcess.Start(environment))
        {
            await traffic.WaitCompleteAsync(TimeSpan.FromSeconds(120));
            await last.KillAsync();
        }

        var (buyer, staff) = (traffic.BuyerTally(), traffic.StaffTally());
        duplicatesAtKill.Add(Duplicates(traffic));
        var perKill = duplicatesAtKill.Zip(duplicatesAtKill.Skip(1), (a, b) => b - a).ToList();
        var bound = Kills * new OutboxOptions().MaxParallelDeliveries;
        output.WriteLine($"messages buyer->staff {traffic.BuyerCount}, staff->marketplace {traffic.StaffCount}; kills {Kills}");
        output.WriteLine($"lost {buyer.Lost} + {staff.Lost}; duplicates {buyer.Duplicates} + {staff.Duplicates} (bound {bound}); " +
            $"max per kill {perKill.Max()}; order violations {buyer.OrderViolations} + {staff.OrderViolations}; " +
            $"staff topics {telegram.Topics(BridgeHost.StaffChatId).Count} for {Orders} orders; {clock.Elapsed.TotalSeconds:F0} s");

        Assert.True(traffic.BuyerCount + traffic.StaffCount >= 500);
        Assert.Equal((0, 0), (buyer.Lost, staff.Lost));
        Assert.InRange(buyer.Duplicates + staff.Duplicates, 0, bound);
        Assert.Equal((0, 0), (buyer.OrderViolations, staff.OrderViolations));
    }

    private static int Duplicates(TwoWayTraffic traffic) => traffic.BuyerTally().Duplicates + traffic.StaffTally().Duplicates;
}
