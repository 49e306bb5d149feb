using Bot.Testing;

namespace Bot.Tests.Demo;

/// <summary>The demo marketplace through the real host: what a seller sees in their own Telegram with only a bot
/// token, a group and <c>Marketplace__Provider=Demo</c>.</summary>
public sealed class DemoEndToEndTests
{
    private static readonly TimeSpan Timeout = DemoRig.Timeout;

    [Fact]
    public async Task DemoBuyer_ReachesTheStaffTopic_WithItsOrderCard_AndATranslationNote()
    {
        await using var rig = await DemoRig.StartAsync(DemoRig.OrderSeed);
        var buyer = rig.Buyer(0);

        var topic = await rig.TopicOfAsync(buyer);
        var posted = await rig.PostedAsync(topic, buyer.Opening);

        var card = rig.Telegram.SentTo(DemoRig.Staff, topic)[0];
        Assert.Contains($"Order {buyer.ConversationId}", card.VisibleText);
        Assert.Contains(buyer.Topic.Product, card.VisibleText);
        Assert.Contains($"{buyer.Language} → en", posted.VisibleText);
        Assert.Contains($"<en> {buyer.Opening}", posted.VisibleText);
        Assert.Contains(buyer.ConversationId, Assert.Single(rig.Telegram.Topics(DemoRig.Staff)).Name);
    }

    [Fact]
    public async Task StaffReplies_GetTheBuyersFollowUp_ThenThanks_InTheBuyersLanguage()
    {
        await using var rig = await DemoRig.StartAsync(DemoRig.OrderSeed);
        var buyer = rig.Buyer(0);
        var topic = await rig.TopicOfAsync(buyer);
        await rig.PostedAsync(topic, buyer.Opening);

        var reply = rig.Telegram.EnqueueMessage(DemoRig.Staff, DemoRig.StaffUser, "Sam", "Let me check that for you.", threadId: topic);
        await Eventually.TrueAsync(() => rig.Telegram.Reactions(DemoRig.Staff, reply).Contains("👍"), Timeout);
        var followUp = await rig.PostedAsync(topic, buyer.FollowUp);
        Assert.Contains($"{buyer.Language} → en", followUp.VisibleText);

        rig.Telegram.EnqueueMessage(DemoRig.Staff, DemoRig.StaffUser, "Sam", "Done: it is sorted out.", threadId: topic);
        var thanks = await rig.PostedAsync(topic, buyer.Thanks);
        Assert.Contains($"{buyer.Language} → en", thanks.VisibleText);
        Assert.Equal(1, rig.CountIn(topic, buyer.FollowUp));
    }

    [Fact]
    public async Task Restart_RepeatsNoBuyerAndNoMessage_AndTheNextBuyerComesAtThePace()
    {
        await using var rig = await DemoRig.StartAsync(DemoRig.OrderSeed);
        var first = rig.Buyer(0);
        var topic = await rig.TopicOfAsync(first);
        await rig.PostedAsync(topic, first.Opening);
        rig.Telegram.EnqueueMessage(DemoRig.Staff, DemoRig.StaffUser, "Sam", "Let me check that for you.", threadId: topic);
        await rig.PostedAsync(topic, first.FollowUp);

        // The next buyer is due an hour after the first: the restarted bridge's clock is past that.
        await rig.RestartAsync(later: TimeSpan.FromMinutes(61));
        var second = rig.Buyer(1);
        var next = await rig.TopicOfAsync(second);
        await rig.PostedAsync(next, second.Opening);
        rig.Telegram.EnqueueMessage(DemoRig.Staff, DemoRig.StaffUser, "Sam", "All done.", threadId: topic);
        await rig.PostedAsync(topic, first.Thanks);

        Assert.Equal(2, rig.Telegram.Topics(DemoRig.Staff).Count);
        Assert.Equal((1, 1, 1), (rig.CountIn(topic, first.Opening), rig.CountIn(topic, first.FollowUp), rig.CountIn(topic, first.Thanks)));
        Assert.Equal(1, rig.CountIn(next, second.Opening));
    }

    [Fact]
    public async Task StatusCommand_AndStatusPage_SayThisIsADemoMarketplace()
    {
        await using var rig = await DemoRig.StartAsync(DemoRig.OrderSeed);
        using var http = new HttpClient { BaseAddress = new Uri(rig.Bridge.Url) };

        rig.Telegram.EnqueueMessage(DemoRig.OperatorChat, DemoRig.Operator, "Olga", "/status");
        var status = await Eventually.ValueAsync(() => rig.Telegram.SentTo(DemoRig.OperatorChat).FirstOrDefault(m => m.VisibleText?.Contains("Running", StringComparison.Ordinal) == true), Timeout);
        var page = await http.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.StartsWith("🧪 Demo marketplace: the buyers are simulated", status.VisibleText);
        Assert.Contains("Demo marketplace: the buyers are simulated and nothing reaches AliExpress", page);
    }

    [Fact]
    public async Task StaffPhoto_TheDemoMarketplaceSaysItTakesNoPhotos()
    {
        await using var rig = await DemoRig.StartAsync(DemoRig.OrderSeed);
        var buyer = rig.Buyer(0);
        var topic = await rig.TopicOfAsync(buyer);
        await rig.PostedAsync(topic, buyer.Opening);
        var photo = rig.Telegram.RegisterFile([0xFF, 0xD8, 0xFF, 0xE0, 1, 2]);

        var reply = rig.Telegram.EnqueueMessage(DemoRig.Staff, DemoRig.StaffUser, "Sam", "Here it is.", threadId: topic, photoFileId: photo);

        await Eventually.TrueAsync(() => rig.Telegram.Reactions(DemoRig.Staff, reply).Contains("👎"), Timeout);
        await Eventually.TrueAsync(() => rig.Telegram.SentTo(DemoRig.Staff, topic)
            .Any(m => m.VisibleText?.Contains("does not accept photos", StringComparison.Ordinal) == true), Timeout);
        Assert.Equal(0, rig.CountIn(topic, buyer.FollowUp));
    }
}
