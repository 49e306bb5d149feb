using Moq;

namespace Bot.Tests.Buyers;

/// <summary>Invitations are single use even across /unlink; staff can unlink a buyer and withdraw invitations from
/// the topic; a marketplace buyer has one Telegram user at a time (a new link replaces the old one, who is told).</summary>
public sealed class BuyerLinkLifecycleTests : IAsyncLifetime
{
    private const long Buyer = BuyerScenario.Buyer;
    private const long NewPhone = 91002;
    private BuyerScenario scenario = null!;
    private int topic;

    public async Task InitializeAsync()
    {
        scenario = await BuyerScenario.StartAsync();
        topic = await scenario.OrderAsync("7201");
    }

    public async Task DisposeAsync() => await scenario.DisposeAsync();

    [Fact]
    public async Task UsedCode_AfterUnlink_DoesNotLinkAgain()
    {
        var code = await scenario.InviteAsync(topic);
        await scenario.SayAsync("/start " + code);
        await scenario.SayAsync("/unlink");

        await scenario.SayAsync("/start " + code);
        await scenario.StaffAsync(topic, "Are you still there?");

        Assert.True(scenario.Got(Buyer, "already been used"));
        Assert.False(scenario.Got(Buyer, "Are you still there?"));
    }

    [Fact]
    public async Task SameUser_TappingTheLinkAgain_StaysLinked()
    {
        var code = await scenario.InviteAsync(topic);
        await scenario.SayAsync("/start " + code);

        await scenario.SayAsync("/start " + code);
        await scenario.StaffAsync(topic, "Still connected?");

        Assert.False(scenario.Got(Buyer, "already been used"));
        Assert.True(scenario.Got(Buyer, "Still connected?"));
    }

    [Fact]
    public async Task StaffUnlink_InTopic_DisconnectsTheBuyer_AndTellsBothSides()
    {
        await scenario.LinkAsync(topic);

        await scenario.StaffAsync(topic, "/unlink");
        await scenario.StaffAsync(topic, "Not for Telegram any more");
        await scenario.SayAsync("Hello?");

        Assert.True(scenario.Got(Buyer, "The store disconnected this chat"));
        Assert.Contains(scenario.InTopic(topic), t => t.Html.Contains("Disconnected", StringComparison.Ordinal));
        Assert.False(scenario.Got(Buyer, "Not for Telegram any more"));
        Assert.True(scenario.Got(Buyer, "invitation link the store posted"));
        Assert.DoesNotContain(scenario.Harness.Marketplace.Sent, s => s.Text.Contains("Hello?", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StaffUnlink_WithNobodyLinked_SaysSo()
    {
        await scenario.StaffAsync(topic, "/unlink");

        Assert.Contains(scenario.InTopic(topic), t => t.Html.Contains("Nobody is linked", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StaffRevoke_InTopic_WithdrawsOpenInvitations()
    {
        var code = await scenario.InviteAsync(topic);

        await scenario.StaffAsync(topic, "/revoke");
        await scenario.SayAsync("/start " + code);

        Assert.Contains(scenario.InTopic(topic), t => t.Html.Contains("1 invitation withdrawn", StringComparison.Ordinal));
        Assert.True(scenario.Got(Buyer, "withdrawn by the store"));
        Assert.False(scenario.Got(Buyer, "You are now connected"));
    }

    [Fact]
    public async Task SecondTelegramUser_LinkingTheSameBuyer_ReplacesTheFirst_WhoIsTold()
    {
        await scenario.LinkAsync(topic);

        await scenario.LinkAsync(topic, user: NewPhone);
        await scenario.StaffAsync(topic, "Which phone gets this?");
        await scenario.SayAsync("Old phone writing");

        Assert.True(scenario.Got(Buyer, "linked to another Telegram account"));
        Assert.True(scenario.Got(NewPhone, "Which phone gets this?"));
        Assert.False(scenario.Got(Buyer, "Which phone gets this?"));
        Assert.DoesNotContain(scenario.Harness.Marketplace.Sent, s => s.Text.Contains("Old phone writing", StringComparison.Ordinal));
        Assert.Contains(scenario.InTopic(topic), t => t.Html.Contains("replaces", StringComparison.Ordinal));
        Assert.Equal(1, await scenario.ScalarAsync<long>("SELECT COUNT(*) FROM buyer_links WHERE unlinked_at IS NULL"));
    }

    [Fact]
    public async Task SecondTelegramUser_WithPrivateTopics_GetsOneTopicOfTheirOwn()
    {
        // A topic and a post are several sends into one private chat within one fake second: room for all, so nothing
        // waits inside the limiter for a fake clock that only the test advances.
        await using var topics = await BuyerScenario.StartAsync(new Dictionary<string, string?> { ["Telegram:Limits:PrivatePerSecond"] = "30" });
        topics.Harness.Identity.Setup(i => i.HasPrivateTopicsAsync(It.IsAny<CancellationToken>())).ReturnsAsync(true);
        var order = await topics.OrderAsync("7202");
        await topics.LinkAsync(order);
        await topics.StaffAsync(order, "First answer");
        await topics.LinkAsync(order, user: NewPhone);

        await topics.StaffAsync(order, "Second answer");
        await topics.StaffAsync(order, "Third answer");

        var only = Assert.Single(topics.Harness.Gateway.Topics, t => t.ChatId == NewPhone);
        var answers = topics.To(NewPhone).Where(t => t.Html.Contains("d answer", StringComparison.Ordinal)).ToList(); // Second, Third
        Assert.Equal(2, answers.Count);
        Assert.All(answers, t => Assert.Equal(only.TopicId, t.TopicId));
        Assert.Single(topics.Harness.Gateway.Topics, t => t.ChatId == Buyer);
    }
}
