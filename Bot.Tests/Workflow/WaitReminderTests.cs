namespace Bot.Tests.Workflow;

/// <summary>A topic is reminded once when its buyer has waited past the store's threshold in working hours; a staff
/// reply ends the wait.</summary>
public sealed class WaitReminderTests : IAsyncLifetime
{
    // Thursday 2026-11-26 12:00 UTC is 13:00 in Berlin; reminders after one working hour.
    private static readonly DateTimeOffset Thursday1300 = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private WorkflowRig rig = null!;

    public async Task InitializeAsync() => rig = await WorkflowRig.StartAsync(Thursday1300);

    public async Task DisposeAsync() => await rig.DisposeAsync();

    [Fact]
    public async Task BuyerWaitsPastTheThreshold_TopicIsRemindedOnce()
    {
        var topic = await rig.BuyerWritesAsync("7001", "Where is my parcel?");

        rig.At(Thursday1300.AddMinutes(59));
        await rig.SweepAsync();
        Assert.Empty(rig.Reminders(topic));

        rig.At(Thursday1300.AddMinutes(61));
        await rig.SweepAsync();
        var reminder = Assert.Single(rig.Reminders(topic));
        Assert.Contains("waited 1 h 1 min of working time", reminder.Html);
        Assert.Contains("since Thu 26 Nov 13:00", reminder.Html);

        rig.At(Thursday1300.AddHours(3));
        await rig.SweepAsync();
        rig.At(Thursday1300.AddDays(1));
        await rig.SweepAsync();
        Assert.Single(rig.Reminders(topic));
    }

    [Fact]
    public async Task MoreBuyerMessages_DoNotStartANewWait()
    {
        var topic = await rig.BuyerWritesAsync("7002", "Hello?");
        rig.At(Thursday1300.AddMinutes(50));
        await rig.BuyerWritesAsync("7002", "Anyone there?");

        rig.At(Thursday1300.AddMinutes(62));
        await rig.SweepAsync();

        Assert.Contains("since Thu 26 Nov 13:00", Assert.Single(rig.Reminders(topic)).Html);
    }

    [Fact]
    public async Task StaffReply_EndsTheWait_AndTheNextBuyerMessageStartsANewOne()
    {
        var topic = await rig.BuyerWritesAsync("7003", "Is it in stock?");
        rig.At(Thursday1300.AddMinutes(30));
        await rig.StaffWritesAsync(topic, "Yes, it is.");

        rig.At(Thursday1300.AddHours(2));
        await rig.SweepAsync();
        Assert.Empty(rig.Reminders(topic));

        await rig.BuyerWritesAsync("7003", "Then please ship today.");
        rig.At(Thursday1300.AddHours(2).AddMinutes(59));
        await rig.SweepAsync();
        Assert.Empty(rig.Reminders(topic));

        rig.At(Thursday1300.AddHours(3).AddMinutes(1));
        await rig.SweepAsync();
        Assert.Contains("since Thu 26 Nov 15:00", Assert.Single(rig.Reminders(topic)).Html);
    }

    [Fact]
    public async Task MessageLateInTheDay_IsRemindedNextMorning_AfterTheRestOfTheHour()
    {
        rig.At(new DateTimeOffset(2026, 11, 26, 16, 30, 0, TimeSpan.Zero)); // 17:30 Berlin, half an hour before closing
        var topic = await rig.BuyerWritesAsync("7004", "Can you change the size?");

        rig.At(new DateTimeOffset(2026, 11, 27, 8, 29, 0, TimeSpan.Zero)); // Friday 09:29 Berlin: 59 working minutes
        await rig.SweepAsync();
        Assert.Empty(rig.Reminders(topic));

        rig.At(new DateTimeOffset(2026, 11, 27, 8, 31, 0, TimeSpan.Zero));
        await rig.SweepAsync();
        Assert.Single(rig.Reminders(topic));
    }

    [Fact]
    public async Task MessageOnFridayEvening_WaitsOverTheWeekend_UntilMondayMorning()
    {
        rig.At(new DateTimeOffset(2026, 11, 27, 16, 45, 0, TimeSpan.Zero)); // Friday 17:45 Berlin
        var topic = await rig.BuyerWritesAsync("7005", "Refund please");

        foreach (var day in new[] { 28, 29 })
        {
            rig.At(new DateTimeOffset(2026, 11, day, 12, 0, 0, TimeSpan.Zero));
            await rig.SweepAsync();
        }

        rig.At(new DateTimeOffset(2026, 11, 30, 8, 44, 0, TimeSpan.Zero)); // Monday 09:44: 59 working minutes
        await rig.SweepAsync();
        Assert.Empty(rig.Reminders(topic));

        rig.At(new DateTimeOffset(2026, 11, 30, 8, 46, 0, TimeSpan.Zero));
        await rig.SweepAsync();
        Assert.Single(rig.Reminders(topic));
    }

    [Fact]
    public async Task SpringForward_ReminderComesAtTheLocalHour_NotTheWinterUtcHour()
    {
        rig.At(new DateTimeOffset(2027, 3, 26, 16, 30, 0, TimeSpan.Zero)); // Friday 17:30 CET
        var topic = await rig.BuyerWritesAsync("7006", "Question before the weekend");

        // Monday 29 March is summer time: 09:30 CEST is 07:30 UTC (in winter it would be 08:30 UTC).
        rig.At(new DateTimeOffset(2027, 3, 29, 7, 29, 0, TimeSpan.Zero));
        await rig.SweepAsync();
        Assert.Empty(rig.Reminders(topic));

        rig.At(new DateTimeOffset(2027, 3, 29, 7, 31, 0, TimeSpan.Zero));
        await rig.SweepAsync();
        Assert.Single(rig.Reminders(topic));
    }

    [Fact]
    public async Task StoreWithItsOwnHours_IsRemindedByThem()
    {
        await using var tokyo = await WorkflowRig.StartAsync(Thursday1300, new Dictionary<string, string?>
        {
            ["Workflow:Stores:store-1:TimeZone"] = "Asia/Tokyo", // 12:00 UTC is 21:00 in Tokyo: closed
            ["Workflow:Stores:store-1:ReminderAfter"] = "00:30:00",
        });
        var topic = await tokyo.BuyerWritesAsync("7007", "Hello from Europe");

        tokyo.At(Thursday1300.AddHours(12).AddMinutes(29)); // Friday 09:29 Tokyo: 29 working minutes
        await tokyo.SweepAsync();
        Assert.Empty(tokyo.Reminders(topic));

        tokyo.At(Thursday1300.AddHours(12).AddMinutes(31)); // Friday 09:31 Tokyo
        await tokyo.SweepAsync();
        Assert.Single(tokyo.Reminders(topic));
    }
}
