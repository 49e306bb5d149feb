using Bot.Tests.Harness;

namespace Bot.Tests.Staff;

/// <summary>How staff posts use the group's budget (20 sends a minute) against the fake Bot API with its limits on:
/// what waits goes out merged, a new conversation costs two sends, and nothing waits because of merging.</summary>
public sealed class TelegramBudgetTests : IAsyncLifetime
{
    private const long Staff = TelegramBudgetRig.StaffChatId;
    private TelegramBudgetRig rig = null!;

    public async Task InitializeAsync() => rig = await TelegramBudgetRig.StartAsync();

    public async Task DisposeAsync() => await rig.DisposeAsync();

    [Fact]
    public async Task NewConversation_CostsTwoSends_TheTopicAndOneMessageWithTheCardAndTheFirstMessages()
    {
        for (var i = 1; i <= 5; i++)
        {
            rig.Marketplace.AddBuyerMessage("91001", $"question {i}");
        }

        await rig.PollAsync();
        await rig.DispatchNowAsync();

        Assert.Equal(1, rig.Telegram.CallCount("createForumTopic"));
        Assert.Equal(1, rig.Telegram.CallCount("sendMessage"));
        var text = Assert.Single(rig.Telegram.SentTo(Staff)).VisibleText!;
        var positions = Enumerable.Range(1, 5).Select(i => text.IndexOf($"question {i}", StringComparison.Ordinal)).ToList();
        Assert.True(text.IndexOf("Order 91001", StringComparison.Ordinal) is >= 0 and var card && card < positions[0], text);
        Assert.Equal(positions.Order(), positions);
        Assert.Equal(5, System.Text.RegularExpressions.Regex.Count(text, @"\d\d:\d\d UTC")); // each part keeps its time
        Assert.Equal(0, rig.Telegram.RateLimitedCount);
    }

    [Fact]
    public async Task MessagesWaitingForTheGroupsBudget_GoOutAsOneMessage_AsSoonAsThereIsRoom()
    {
        rig.Marketplace.AddBuyerMessage("92000", "first");
        for (var order = 1; order <= 9; order++)
        {
            rig.Marketplace.AddBuyerMessage($"9200{order}", "hello", buyerId: $"b{order}");
        }

        await rig.PollAsync();
        await rig.DispatchNowAsync(); // 10 topics and 10 messages: the minute's 20 sends are spent
        var topic = rig.Telegram.Topics(Staff).Single(t => t.Name.Contains("92000", StringComparison.Ordinal)).ThreadId;
        for (var i = 1; i <= 6; i++)
        {
            rig.Marketplace.AddBuyerMessage("92000", $"waiting {i} <b>&</b>");
        }

        await rig.PollAsync();
        await rig.DispatchNowAsync();
        Assert.Single(rig.Telegram.SentTo(Staff, topic));

        await rig.DrainAsync();

        var sent = rig.Telegram.SentTo(Staff, topic);
        Assert.Equal(2, sent.Count);
        var merged = sent[1].VisibleText!;
        Assert.Equal(6, merged.Split("waiting ").Length - 1);
        Assert.Contains("waiting 6 <b>&</b>", merged); // escaped, shown as written
        Assert.Equal(21, rig.Telegram.CallCount("sendMessage") + rig.Telegram.CallCount("createForumTopic"));
        Assert.Equal(0, rig.Telegram.RateLimitedCount);
        Assert.True(sent[1].SentAt - sent[0].SentAt <= TimeSpan.FromSeconds(61), "sent when the first of the minute's sends left the window");
    }

    [Fact]
    public async Task WithRoomInTheBudget_EachMessageGoesAtOnce()
    {
        rig.Marketplace.AddBuyerMessage("93001", "one");
        await rig.PollAsync();
        await rig.DispatchNowAsync();
        rig.Time.Advance(TimeSpan.FromSeconds(5));
        rig.Marketplace.AddBuyerMessage("93001", "two");
        await rig.PollAsync();
        var arrived = rig.Time.GetUtcNow();

        await rig.DispatchNowAsync();

        var last = rig.Telegram.SentTo(Staff).Last();
        Assert.Contains("two", last.VisibleText);
        Assert.Equal(arrived, last.SentAt);
    }

    [Fact]
    public async Task MergedWaitingMessages_StayWithinTelegramsLimit_NothingLost_InOrder()
    {
        var words = string.Join(' ', Enumerable.Repeat("parcel", 130)); // ~900 characters each
        for (var i = 0; i < 12; i++)
        {
            rig.Marketplace.AddBuyerMessage("94001", $"m{i:D2} {words}");
        }

        await rig.PollAsync();
        await rig.DrainAsync();

        var texts = rig.Telegram.SentTo(Staff).Select(m => m.VisibleText!).ToList();
        Assert.InRange(texts.Count, 3, 5);
        Assert.All(texts, t => Assert.InRange(t.Length, 1, FormattedTextLimit));
        var order = texts.SelectMany(t => System.Text.RegularExpressions.Regex.Matches(t, @"m\d\d ").Select(m => m.Value)).ToList();
        Assert.Equal(Enumerable.Range(0, 12).Select(i => $"m{i:D2} "), order);
    }

    private const int FormattedTextLimit = 4096;
}
