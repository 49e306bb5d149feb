using System.Diagnostics;
using Bot.Testing;
using Bot.Testing.AliExpress;
using Bot.Testing.BotApi;
using Bot.Testing.Hosting;
using Bot.Testing.Postgres;
using Bot.Tests.Storage;
using Xunit.Abstractions;

namespace Bot.Tests.EndToEnd;

/// <summary>An instance stopped in order (SIGTERM, as docker stop sends) gives its pollers' leases up: the other one
/// takes them over at its next try, without waiting for them to lapse, and the relay goes on. /status says who is who.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
[Harness.RunsLong]
public sealed class MultiInstanceStopEndToEndTests(ITestOutputHelper output) : IPostgresVariant
{
    private const long Staff = BridgeHost.StaffChatId;
    private const long OperatorChat = -1003000000003;
    private const long Operator = 111;
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(120);

    [DbFact]
    public async Task AnInstanceStoppedInOrder_HandsItsPollersOver_BeforeTheirLeasesWouldLapse_AndStatusSaysWhoPolls()
    {
        await using var telegram = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { RateLimitsEnabled = false });
        telegram.AddSupergroup(Staff, "Store staff");
        telegram.AddSupergroup(OperatorChat, "Operators", forum: false);
        await using var aliexpress = await FakeAliExpressServer.StartAsync();
        var environment = BridgeProcess.Environment(telegram, aliexpress, Path.Combine(Path.GetTempPath(), "unused.db"));
        environment["ConnectionStrings__Bridge"] = await PostgresServer.CreateDatabaseAsync();
        environment["Logging__LogLevel__Bot.Core.Leases"] = "Information";
        // Leases that would take a minute to lapse: a takeover sooner can only come from the release.
        environment["Instances__LeaseTime"] = "00:01:00";
        environment["Instances__RenewEvery"] = "00:00:02";
        environment["Telegram__OperatorChatId"] = OperatorChat.ToString(System.Globalization.CultureInfo.InvariantCulture);
        environment["Telegram__OperatorIds"] = Operator.ToString(System.Globalization.CultureInfo.InvariantCulture);

        environment["Instances__Id"] = "first";
        await using var first = BridgeProcess.Start(environment);
        await first.WaitForOutputAsync(l => Took(l, "marketplace-poll") && Took(l, "telegram-updates"), Within);
        environment["Instances__Id"] = "second";
        await using var second = BridgeProcess.Start(environment);
        await second.WaitForOutputAsync(l => l.Any(x => x.Contains("Another instance holds the lease marketplace-poll", StringComparison.Ordinal)), Within);

        telegram.EnqueueMessage(OperatorChat, Operator, "Olga", "/status");
        var status = await Eventually.ValueAsync(() => telegram.SentTo(OperatorChat).FirstOrDefault(m => m.VisibleText?.Contains("🖥 Instance", StringComparison.Ordinal) == true), Within);
        Assert.Matches("🖥 Instance first of [12] live; marketplace polled by first, Telegram updates received by first", status.VisibleText);

        var clock = Stopwatch.StartNew();
        Assert.Equal(0, await first.TerminateAsync(Within));
        await second.WaitForOutputAsync(l => Took(l, "marketplace-poll") && Took(l, "telegram-updates"), Within);
        var takeover = clock.Elapsed;
        aliexpress.AddBuyerMessage("810100", "buyer1", "Buyer 1", "after the stop");
        await Eventually.TrueAsync(() => telegram.SentTo(Staff).Any(m => m.VisibleText?.Contains("after the stop", StringComparison.Ordinal) == true), Within);

        output.WriteLine($"both pollers taken over {takeover.TotalSeconds:F1} s after SIGTERM (leases of 60 s)");
        Assert.True(Took(second.Lines, "marketplace-poll") && Took(second.Lines, "telegram-updates"), second.Output);
        Assert.InRange(takeover, TimeSpan.Zero, TimeSpan.FromSeconds(30));
    }

    private static bool Took(IReadOnlyList<string> lines, string lease) =>
        lines.Any(l => l.Contains($"took the lease {lease}", StringComparison.Ordinal));
}
