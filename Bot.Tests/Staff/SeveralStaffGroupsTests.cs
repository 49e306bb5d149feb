using Bot.Tests.Harness;

namespace Bot.Tests.Staff;

/// <summary>A store with two staff groups (<c>Telegram:StaffChatIds</c>), each with its own budget, against the fake Bot
/// API with its limits on.</summary>
public sealed class SeveralStaffGroupsTests : IAsyncLifetime
{
    private const long First = TelegramBudgetRig.StaffChatId;
    private const long Second = -1001000000002;
    private TelegramBudgetRig rig = null!;

    public async Task InitializeAsync() => rig = await TelegramBudgetRig.StartAsync(
        new Dictionary<string, string?> { ["Telegram:StaffChatIds:0"] = Second.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        telegram => telegram.AddSupergroup(Second, "Store staff 2"));

    public async Task DisposeAsync() => await rig.DisposeAsync();

    [Fact]
    public async Task NewConversations_GoToTheLeastLoadedGroup_EachGroupWithItsOwnBudget()
    {
        for (var order = 0; order < 24; order++)
        {
            rig.Marketplace.AddBuyerMessage($"95{order:D3}", $"question about {order}", buyerId: $"b{order}");
        }

        await rig.PollAsync();
        await rig.DispatchNowAsync();
        rig.Time.Advance(TimeSpan.FromSeconds(2)); // past the overall 30 a second, far from a group's minute
        await rig.DispatchNowAsync();

        // 24 new conversations cost 48 sends: one group's minute holds 10 of them (20 sends), two groups hold 20.
        Assert.Equal(10, rig.Telegram.Topics(First).Count);
        Assert.Equal(10, rig.Telegram.Topics(Second).Count);
        Assert.Equal(0, rig.Telegram.RateLimitedCount);

        await rig.DrainAsync();
        Assert.Equal(24, rig.Telegram.Topics(First).Count + rig.Telegram.Topics(Second).Count);
        Assert.Equal(0, rig.Telegram.RateLimitedCount);
    }

    [Fact]
    public async Task AConversation_StaysInItsGroup_EvenWhenTheOtherIsLessLoaded()
    {
        foreach (var order in new[] { "96001", "96002", "96003" })
        {
            rig.Marketplace.AddBuyerMessage(order, $"first question of {order}", buyerId: $"b{order}");
            await rig.PollAsync();
            await rig.DispatchNowAsync();
        }

        // 96001 and 96003 went to the first group (4 sends this minute), 96002 to the second (2 sends).
        Assert.Equal(2, rig.Telegram.Topics(First).Count);
        rig.Marketplace.AddBuyerMessage("96001", "second question", buyerId: "b96001");
        await rig.PollAsync();
        await rig.DrainAsync();

        var topic = Assert.Single(rig.Telegram.Topics(First), t => t.Name.Contains("96001", StringComparison.Ordinal));
        Assert.DoesNotContain(rig.Telegram.Topics(Second), t => t.Name.Contains("96001", StringComparison.Ordinal));
        var texts = rig.Telegram.SentTo(First, topic.ThreadId).Select(m => m.VisibleText!).ToList();
        Assert.Contains(texts, t => t.Contains("first question of 96001", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("second question", StringComparison.Ordinal));
    }
}
