namespace Bot.Tests.Workflow;

/// <summary>Outside working hours a buyer's first message gets one automatic acknowledgment (when turned on), once
/// per off-hours period per conversation; it is marked automatic in the topic, ends no wait and does not mark the
/// conversation processed.</summary>
public sealed class OffHoursAcknowledgmentTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Thursday1900 = new(2026, 11, 26, 18, 0, 0, TimeSpan.Zero); // Berlin
    private WorkflowRig rig = null!;

    public async Task InitializeAsync() => rig = await WorkflowRig.StartAsync(Thursday1900, new Dictionary<string, string?>
    {
        ["Workflow:AcknowledgeOffHours"] = "true",
    });

    public async Task DisposeAsync() => await rig.DisposeAsync();

    private IReadOnlyList<string> Acknowledgments => rig.Harness.Marketplace.Sent.Select(s => s.Text).Where(t => t.StartsWith("Thank you", StringComparison.Ordinal)).ToList();

    [Fact]
    public async Task FirstMessageAtNight_GetsOneAcknowledgment_SayingWhenTheStoreOpens_MarkedAutomatic()
    {
        var topic = await rig.BuyerWritesAsync("4001", "Hello, are you there?");
        await rig.SweepAsync();

        var text = Assert.Single(Acknowledgments);
        Assert.Equal("Thank you for your message! We are away right now and will answer after we open again (Friday 09:00 Europe/Berlin time).", text);
        Assert.Contains(rig.Harness.Gateway.TextsIn(topic), t => t.Html.StartsWith("🤖 Sent automatically (outside working hours): <i>Thank you", StringComparison.Ordinal));
        Assert.Empty(rig.Harness.Marketplace.MarkedProcessed);
    }

    [Fact]
    public async Task SameNight_MoreMessagesAndANewWait_NoSecondAcknowledgment_NextOffHoursPeriodAnother()
    {
        var topic = await rig.BuyerWritesAsync("4002", "Hello?");
        await rig.SweepAsync();
        rig.At(Thursday1900.AddHours(1));
        await rig.BuyerWritesAsync("4002", "Still there?");
        await rig.SweepAsync();
        rig.At(Thursday1900.AddHours(2));
        await rig.StaffWritesAsync(topic, "Yes, late shift here.");
        rig.At(Thursday1900.AddHours(3));
        await rig.BuyerWritesAsync("4002", "Great, one more question");
        await rig.SweepAsync();
        Assert.Single(Acknowledgments);

        rig.At(Thursday1900.AddHours(15)); // Friday 10:00: answered in working hours
        await rig.StaffWritesAsync(topic, "Here is the answer.");
        rig.At(Thursday1900.AddDays(1)); // Friday 19:00: the next off-hours period, until Monday
        await rig.BuyerWritesAsync("4002", "And another one");
        await rig.SweepAsync();
        Assert.Equal(2, Acknowledgments.Count);
        Assert.Contains("(Monday 09:00 Europe/Berlin time)", Acknowledgments[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Acknowledgment_IsNotAnAnswer_TheReminderStillComesInTheMorning()
    {
        var topic = await rig.BuyerWritesAsync("4003", "Hello?");
        await rig.SweepAsync();

        rig.At(new DateTimeOffset(2026, 11, 27, 9, 1, 0, TimeSpan.Zero)); // Friday 10:01 Berlin
        await rig.SweepAsync();

        Assert.Single(rig.Reminders(topic));
        Assert.Empty(rig.Harness.Get<Bot.Core.Workflow.FirstResponseTimes>().Drain());
    }

    [Fact]
    public async Task DuringWorkingHours_NoAcknowledgment()
    {
        rig.At(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero)); // Friday 10:00 Berlin
        await rig.BuyerWritesAsync("4004", "Hello?");
        await rig.SweepAsync();

        Assert.Empty(Acknowledgments);
    }

    [Fact]
    public async Task TurnedOffByDefault()
    {
        await using var quiet = await WorkflowRig.StartAsync(Thursday1900);
        await quiet.BuyerWritesAsync("4005", "Hello?");
        await quiet.SweepAsync();

        Assert.Empty(quiet.Harness.Marketplace.Sent);
    }
}
