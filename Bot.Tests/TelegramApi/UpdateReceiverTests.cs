using Bot.Core.Routing.Parking;
using Bot.Testing;
using Bot.Testing.BotApi;
using Bot.TelegramApi;
using Bot.Tests.Operations;
using Telegram.Bot;

using Bot.Tests.Harness;

namespace Bot.Tests.TelegramApi;

/// <summary>The update loop: a failing update is parked, not retried in place; a stale button press does not hold the
/// loop; restarted update ids are followed.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class UpdateReceiverTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private const long Staff = FakeTelegramSession.StaffGroup;
    private const long Customer = FakeTelegramSession.Customer;

    private ReceiverHarness harness = null!;

    public async Task InitializeAsync() => harness = await ReceiverHarness.CreateAsync();

    public async Task DisposeAsync() => await harness.DisposeAsync();

    private Task HandledAsync(string text) =>
        Eventually.TrueAsync(() => harness.Core.Messages.Any(m => m.Text == text), Timeout);

    [Fact]
    public async Task FailingUpdate_IsParkedWithItsJson_AndTheUpdatesAfterItAreHandledWithoutWaiting()
    {
        harness.Core.Fails = m => m.Text == "reply while the database is locked";
        await harness.StartAsync();

        harness.Telegram.EnqueueMessage(Staff, 5001, "Sam", "reply while the database is locked", threadId: 7);
        harness.Telegram.EnqueueMessage(Staff, 5001, "Sam", "the next reply");

        await HandledAsync("the next reply"); // the fake clock never moves: nothing may wait on it
        var parked = Assert.Single(await harness.Parked.ListOpenAsync(10, CancellationToken.None));
        Assert.Equal(ParkedUpdateStatus.Pending, parked.Status);
        Assert.Contains("reply while the database is locked", parked.Payload);
        Assert.Contains("database is locked", parked.LastError);
    }

    [Fact]
    public async Task ParkedUpdate_IsTriedAgainLater_AndHandled()
    {
        var failing = true;
        harness.Core.Fails = m => failing && m.Text == "late reply";
        await harness.StartAsync();
        harness.Telegram.EnqueueMessage(Staff, 5001, "Sam", "late reply", threadId: 7);
        await Eventually.TrueAsync(async () => await harness.Parked.ListOpenAsync(1, CancellationToken.None) is [_], Timeout);

        failing = false;
        harness.Time.Advance(TimeSpan.FromSeconds(3));

        await HandledAsync("late reply");
        await Eventually.TrueAsync(async () => await harness.Parked.ListOpenAsync(1, CancellationToken.None) is [], Timeout);
        var handled = Assert.Single(harness.Core.Messages);
        Assert.Equal(7, handled.TopicId);
    }

    [Fact]
    public async Task StaleButtonPress_IsHandledOnce_AndDoesNotHoldTheLoop()
    {
        harness.Core.OnCallback = (press, ct) => harness.Gateway.AnswerCallbackAsync(press.CallbackId, "Done", ct);
        var pick = await harness.Session.Bot.SendMessage(Customer, "Pick one");
        var press = harness.Telegram.EnqueueCallback(Customer, pick.MessageId, Customer, "quick:1");
        harness.Telegram.ExpireCallback(press); // e.g. it waited through a restart: answering it fails with 400
        await harness.StartAsync();

        harness.Telegram.EnqueueMessage(Customer, Customer, "Ann", "after the press");

        await HandledAsync("after the press");
        Assert.Single(harness.Core.Callbacks);
        Assert.Empty(await harness.Parked.ListOpenAsync(10, CancellationToken.None));
        Assert.Empty(harness.Telegram.CallbackAnswers);
    }

    [Fact]
    public async Task UpdateIds_RestartFarBelowTheStoredOffset_NewUpdatesAreReceived()
    {
        await harness.Cursors.SetAsync(UpdateReceiver.OffsetCursor, "5000000", CancellationToken.None);
        await harness.StartAsync();

        harness.Telegram.EnqueueMessage(Staff, 5001, "Sam", "first after the restart");
        await HandledAsync("first after the restart");
        harness.Telegram.EnqueueMessage(Staff, 5001, "Sam", "second after the restart");
        await HandledAsync("second after the restart");

        Assert.Equal(2, harness.Core.Messages.Count);
        Assert.True(int.Parse(await harness.Cursors.GetAsync(UpdateReceiver.OffsetCursor, CancellationToken.None) ?? "0") < 5000000);
    }

    [Fact]
    public async Task UpdateIds_RestartJustBelowTheStoredOffset_AfterAQuietDay_NewUpdatesAreReceived()
    {
        // The last update was confirmed with offset 100010 a day ago; Telegram's new ids start just below it, where
        // a poll with that offset would confirm (drop) them.
        await harness.Cursors.SetAsync(UpdateReceiver.OffsetCursor, "100010", CancellationToken.None);
        harness.Time.Advance(TimeSpan.FromHours(25));
        harness.Telegram.RestartUpdateIds(100_003);
        harness.Telegram.EnqueueMessage(Staff, 5001, "Sam", "one");
        harness.Telegram.EnqueueMessage(Staff, 5001, "Sam", "two");

        await harness.StartAsync();

        await HandledAsync("two");
        Assert.Equal(["one", "two"], harness.Core.Messages.Select(m => m.Text));
        // The offset is stored just after the update is handled: wait for it rather than read it at once.
        await Eventually.TrueAsync(async () => await harness.Cursors.GetAsync(UpdateReceiver.OffsetCursor, CancellationToken.None) == "100005", Timeout);
    }
}
