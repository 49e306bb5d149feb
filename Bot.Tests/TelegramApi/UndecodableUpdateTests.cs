using Bot.Core.Operations.Commands;
using Bot.Core.Routing.Parking;
using Bot.Testing;
using Bot.Testing.BotApi;
using Bot.TelegramApi;

using Bot.Tests.Harness;

namespace Bot.Tests.TelegramApi;

/// <summary>An update the client library cannot decode is parked for operators with its raw JSON, and the loop moves
/// on: the good updates around it are handled and its offset is confirmed (it used to fail the whole getUpdates call,
/// retried forever).</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class UndecodableUpdateTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private const long Staff = FakeTelegramSession.StaffGroup;

    // message_id must be an integer: Telegram.Bot cannot decode this update.
    private const string WrongType = """{"message":{"message_id":"not a number","date":1764158400,"chat":{"id":-1001000000001,"type":"supergroup"},"text":"bad field"}}""";

    // A lone surrogate is valid JSON but no valid string: the library cannot read the text.
    private const string LoneSurrogate = """{"message":{"message_id":9001,"date":1764158400,"chat":{"id":-1001000000001,"type":"supergroup"},"text":"broken \ud800 text"}}""";

    private ReceiverHarness harness = null!;

    public async Task InitializeAsync() => harness = await ReceiverHarness.CreateAsync();

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task UndecodableUpdate_BetweenTwoGoodOnes_IsParkedForOperators_AndBothGoodOnesAreHandled()
    {
        await harness.StartAsync();

        harness.Telegram.EnqueueMessage(Staff, 5001, "Sam", "before");
        var bad = harness.Telegram.EnqueueRaw(WrongType);
        harness.Telegram.EnqueueMessage(Staff, 5001, "Sam", "after");

        await Eventually.TrueAsync(() => harness.Core.Messages.Any(m => m.Text == "after"), Timeout);
        Assert.Equal(["before", "after"], harness.Core.Messages.Select(m => m.Text));
        var parked = Assert.Single(await harness.Parked.ListOpenAsync(10, CancellationToken.None));
        Assert.Equal((bad, ParkedUpdateStatus.Dead), (parked.UpdateId, parked.Status));
        Assert.Contains("not a number", parked.Payload);
        Assert.Contains("Undecodable", parked.LastError);
        Assert.Equal(1, harness.Metrics.TotalUndecodable);

        var reply = await new UpdatesCommand(harness.Parked).RunAsync(StaffMessages.Reply(1, 1, "/updates"), "", CancellationToken.None);
        Assert.Contains($"(update {bad})", reply);
        Assert.Contains("given up", reply);

        // The loop is not stuck on it: a later update is handled too, and everything up to it is confirmed.
        harness.Telegram.EnqueueMessage(Staff, 5001, "Sam", "later");
        await Eventually.TrueAsync(() => harness.Core.Messages.Any(m => m.Text == "later"), Timeout);
        Assert.Equal(1, harness.Metrics.TotalUndecodable);
        await Eventually.TrueAsync(() => harness.Telegram.PendingUpdateCount == 0, Timeout);
    }

    [Fact]
    public async Task BatchOfOnlyUndecodableUpdates_IsParked_AndTheLoopMovesOn()
    {
        harness.Telegram.EnqueueRaw(WrongType);
        harness.Telegram.EnqueueRawText(LoneSurrogate);
        harness.Telegram.EnqueueRaw("""{"message":"not an object"}""");
        await harness.StartAsync(); // the first batch holds the three of them, nothing else

        await Eventually.TrueAsync(() => harness.Metrics.TotalUndecodable == 3, Timeout);

        harness.Telegram.EnqueueMessage(Staff, 5001, "Sam", "next");

        await Eventually.TrueAsync(() => harness.Core.Messages.Any(m => m.Text == "next"), Timeout);
        var parked = await harness.Parked.ListOpenAsync(10, CancellationToken.None);
        Assert.Equal(3, parked.Count);
        Assert.All(parked, p => Assert.Equal(ParkedUpdateStatus.Dead, p.Status));
        Assert.Contains(parked, p => p.Payload.Contains("\\ud800", StringComparison.Ordinal));
        Assert.Equal(3, harness.Metrics.TotalUndecodable); // each parked (and counted) once, not on every poll
    }
}
