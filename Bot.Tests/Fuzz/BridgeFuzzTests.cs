using System.Diagnostics;
using System.Globalization;
using Bot.Core.Operations;
using Bot.Testing;
using Bot.Testing.AliExpress;
using Bot.Testing.BotApi;
using Bot.Testing.Hosting;
using Bot.Tests.EndToEnd;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Bot.Tests.Fuzz;

/// <summary>Generated Telegram updates through the fake Bot API's update queue into the real host (UpdateReceiver,
/// UpdateMapper, router, routes), and generated AliExpress rows and answers as raw JSON through the fake AliExpress server into
/// the real adapter, poller and ingestor. Seeded: set BRIDGE_FUZZ_SEED to replay a run.</summary>
[Harness.RunsLong]
public sealed class BridgeFuzzTests(ITestOutputHelper output)
{
    private const int DefaultSeed = 20_261_130;
    private const int Updates = 10_000;
    private const int Payloads = 3_000;
    private const int Rounds = 10;
    private const long Staff = BridgeHost.StaffChatId;
    private const long OperatorChat = -1003000000003;
    private const long Operator = 111;
    private const string Relations = "aliexpress.message.redefining.versiontwo.querymsgrelationlist";
    private const string Details = "aliexpress.message.redefining.versiontwo.querymsgdetaillist";
    private static readonly TimeSpan StallTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task GeneratedUpdatesAndPayloads_NoUnhandledException_AndBothDirectionsStillFlow()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("BRIDGE_FUZZ_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var chosen) ? chosen : DefaultSeed;
        output.WriteLine($"Fuzz seed {seed} (replay: BRIDGE_FUZZ_SEED={seed})");
        var random = new Random(seed);
        var logs = new CapturedLogs();
        await using var telegram = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { RateLimitsEnabled = false });
        telegram.AddSupergroup(Staff, "Store staff");
        telegram.AddSupergroup(OperatorChat, "Operators", forum: false);
        foreach (var user in TelegramUpdateFuzzer.Users)
        {
            telegram.AddPrivateChat(user, "User " + user.ToString(CultureInfo.InvariantCulture));
        }

        await using var aliexpress = await FakeAliExpressServer.StartAsync();
        await using var bridge = await BridgeHost.StartAsync(telegram, null, Settings(aliexpress), configure: b => b.Logging.ClearProviders().AddProvider(logs));

        var updates = new TelegramUpdateFuzzer(random, Staff, OperatorChat, Operator, () => telegram.Topics(Staff).Select(t => t.ThreadId).ToList());
        var marketplace = (new MarketplacePayloadFuzzer(random), new RawAnswerFuzzer(random));
        var (sent, rows) = (0, 0);
        var clock = Stopwatch.StartNew();
        try
        {
            for (var round = 1; round <= Rounds; round++)
            {
                for (; rows < Payloads * round / Rounds; rows++)
                {
                    AddPayload(aliexpress, marketplace.Item1, marketplace.Item2, random);
                }

                for (; sent < Updates * round / Rounds; sent++)
                {
                    while (telegram.EnqueueRaw(updates.Next().ToJsonString()) is null)
                    {
                        // A type the bridge does not ask for: the queue drops it, as Telegram would.
                    }
                }

                var queued = telegram.PendingUpdateCount;
                await Eventually.ProgressingAsync(() => queued - telegram.PendingUpdateCount, queued, StallTimeout);
                await WaitForPollsAsync(telegram, aliexpress, 2);
            }

            output.WriteLine($"Fed {sent} Telegram updates and {rows} marketplace payloads in {clock.Elapsed.TotalSeconds:F1} s");
            await AssertBothWaysFlowAsync(telegram, aliexpress);
            output.WriteLine($"Both directions flowed after the fuzz; {clock.Elapsed.TotalSeconds:F1} s in all");
        }
        finally
        {
            await FuzzReport.WriteAsync(output, bridge, logs.Entries, sent, rows, IsUnhandled);
        }

        var unhandled = logs.Entries.Where(IsUnhandled).ToList();
        Assert.True(bridge.Get<BridgeHealth>().Marketplace.Ok);
        Assert.Empty(unhandled.Select(e => $"{e.Category}: {e.Message} {e.Exception}"));
    }

    private static async Task AssertBothWaysFlowAsync(FakeTelegramServer telegram, FakeAliExpressServer aliexpress)
    {
        aliexpress.AddBuyerMessage("3005999999999", "buyer_final", "Final", "Ordinary buyer message after the fuzz");
        var post = await Eventually.ValueAsync(() => telegram.SentTo(Staff).FirstOrDefault(m => m.VisibleText?.Contains("Ordinary buyer message after the fuzz", StringComparison.Ordinal) == true), StallTimeout);
        telegram.EnqueueMessage(Staff, 5001, "Sam", "Ordinary staff reply after the fuzz", threadId: post.ThreadId);
        await Eventually.TrueAsync(() => aliexpress.Sent.Any(s => s.Content == "Ordinary staff reply after the fuzz"), StallTimeout);
    }

    private static Dictionary<string, string?> Settings(FakeAliExpressServer aliexpress)
    {
        var settings = AliExpressEndToEndTests.Settings(aliexpress);
        settings["Telegram:OperatorChatId"] = OperatorChat.ToString(CultureInfo.InvariantCulture);
        settings["Telegram:OperatorIds"] = Operator.ToString(CultureInfo.InvariantCulture);
        settings["Marketplace:AliExpress:PollOverlap"] = "00:00:10"; // Keeps each poll from re-reading the whole burst.
        settings["Telegram:Limits:PrivatePerSecond"] = "100000";
        settings["Telegram:Limits:GroupPerMinute"] = "1000000";
        settings["Telegram:Limits:GlobalPerSecond"] = "100000";
        return settings;
    }

    private static void AddPayload(FakeAliExpressServer aliexpress, MarketplacePayloadFuzzer payloads, RawAnswerFuzzer raw, Random random)
    {
        var order = (3005000000000 + random.Next(40)).ToString(CultureInfo.InvariantCulture);
        aliexpress.AddRawBuyerMessage(order, "buyer_" + order, "Buyer " + order, payloads.DetailFields());
        switch (random.Next(40))
        {
            case 0:
                aliexpress.SetRawRelationFields(order, payloads.RelationFields());
                break;
            case 1:
                aliexpress.AnswerNext(Relations, payloads.Answer(Relations));
                break;
            case 2:
                aliexpress.AnswerNext(Details, payloads.Answer(Details));
                break;
            case 3:
                aliexpress.FailNext(Relations, new FakeFault { RawBody = raw.Relations([order, "3005000000001"]), RawContentType = "application/json" });
                break;
            case 4:
                aliexpress.FailNext(Details, new FakeFault { RawBody = raw.Details(), RawContentType = "application/json" });
                break;
        }
    }

    /// <summary>A failure of the update loop, or any exception that is not one of the bridge's classified outcomes (a
    /// platform refusal, an unreachable image, an answer that is not JSON, a button press too old to answer). Dead letters of reactions to raw updates the fake never
    /// stored are classified outcomes too.</summary>
    private static bool IsUnhandled(CapturedLogs.Entry entry) =>
        entry.Level == LogLevel.Critical
        || entry.Category.EndsWith(".UpdateReceiver", StringComparison.Ordinal)
        || (entry.Exception is { } e && e is not (Bot.Core.Marketplace.MarketplaceException or Bot.Core.Chat.ChatDeliveryException or HttpRequestException or System.Text.Json.JsonException
            or global::Telegram.Bot.Exceptions.ApiRequestException));

    private static async Task WaitForPollsAsync(FakeTelegramServer telegram, FakeAliExpressServer aliexpress, int polls)
    {
        var target = aliexpress.CallCount(Relations) + polls;
        await Eventually.TrueAsync(() => aliexpress.CallCount(Relations) >= target, StallTimeout);
    }
}
