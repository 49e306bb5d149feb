using Bot.Core.Chat;
using Bot.Core.Marketplace;
using Bot.Core.Outbox;
using Bot.Core.Routing;
using Bot.Tests.Harness;

namespace Bot.Tests.Outbox;

/// <summary>Outages are waited out (Relay:RetryFor, a day by default, back-off capped at Relay:MaxRetryDelay);
/// refusals are dead letters at once.</summary>
public sealed class OutageRetryTests : IAsyncLifetime
{
    private CoreHarness harness = null!;

    public async Task InitializeAsync() => harness = await CoreHarness.StartAsync();

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Theory]
    [InlineData(10)]
    [InlineData(6 * 60)]
    public async Task TransientOutageOfBothSides_DeadLettersNothing_AndEverythingIsDeliveredAfter(int minutes)
    {
        var topics = await TwoConversationsAsync();
        harness.Marketplace.SendOutage = new MarketplaceException(MarketplaceErrorKind.Transient, "502 Bad Gateway");
        harness.Gateway.Outage = new ChatDeliveryException(ChatErrorKind.Transient, "Gateway Timeout");

        await Updates.HandleMessageAsync(StaffMessages.Reply(topics[0], 801, "Shipped yesterday."), CancellationToken.None);
        await Updates.HandleMessageAsync(StaffMessages.Reply(topics[1], 802, "Yes, it is in stock."), CancellationToken.None);
        harness.Marketplace.AddBuyerMessage("7001", "Any news about my parcel?");
        await harness.PassAsync(TimeSpan.FromMinutes(minutes), TimeSpan.FromMinutes(minutes > 60 ? 5 : 0.25));

        Assert.Empty(await Outbox.ListAsync(OutboxStatus.Dead, 10, CancellationToken.None));
        Assert.Empty(harness.Marketplace.Sent);

        harness.Marketplace.SendOutage = null;
        harness.Gateway.Outage = null;
        await harness.PassAsync(TimeSpan.FromMinutes(11), TimeSpan.FromMinutes(1));

        Assert.Equal(["Shipped yesterday.", "Yes, it is in stock."], harness.Marketplace.Sent.Select(s => s.Text).Order());
        Assert.Contains(harness.Gateway.TextsIn(topics[0]), t => t.Html.Contains("Any news about my parcel?", StringComparison.Ordinal));
        Assert.Contains(harness.Gateway.Reactions, r => r.MessageId == 801 && r.Emoji == "👍");
        Assert.Contains(harness.Gateway.Reactions, r => r.MessageId == 802 && r.Emoji == "👍");
        Assert.Empty(await Outbox.ListAsync(OutboxStatus.Dead, 10, CancellationToken.None));
        Assert.Empty(await Outbox.ListAsync(OutboxStatus.Pending, 10, CancellationToken.None));
    }

    [Fact]
    public async Task OutageOutlastingADay_BecomesADeadLetter_WithStaffTold()
    {
        var topics = await TwoConversationsAsync();
        harness.Marketplace.SendOutage = new MarketplaceException(MarketplaceErrorKind.Transient, "502 Bad Gateway");
        await Updates.HandleMessageAsync(StaffMessages.Reply(topics[0], 803, "We will refund you."), CancellationToken.None);

        await harness.PassAsync(TimeSpan.FromHours(23.8), TimeSpan.FromMinutes(10));
        Assert.Empty(await Outbox.ListAsync(OutboxStatus.Dead, 10, CancellationToken.None));

        await harness.PassAsync(TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(5));
        var dead = Assert.Single(await Outbox.ListAsync(OutboxStatus.Dead, 10, CancellationToken.None));
        Assert.Equal(OutboxKinds.MarketplaceSend, dead.Kind);
        Assert.Contains("502 Bad Gateway", dead.LastError, StringComparison.Ordinal);
        Assert.Contains(harness.Gateway.Texts, t => t.ReplyToMessageId == 803 && t.Html.Contains("Not delivered", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MarketplaceRefusal_IsADeadLetterAtOnce()
    {
        var topics = await TwoConversationsAsync();
        harness.Marketplace.FailNextSend(new MarketplaceException(MarketplaceErrorKind.Rejected, "The order is closed for comments"));

        await Updates.HandleMessageAsync(StaffMessages.Reply(topics[0], 804, "Thanks!"), CancellationToken.None);
        await harness.DrainAsync();

        var dead = Assert.Single(await Outbox.ListAsync(OutboxStatus.Dead, 10, CancellationToken.None));
        Assert.Equal(1, dead.Attempts);
        Assert.Empty(harness.Marketplace.Sent);
        Assert.Contains(harness.Gateway.Texts, t => t.ReplyToMessageId == 804 && t.Html.Contains("closed for comments", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TelegramRefusingTheRequest_IsADeadLetterAtOnce()
    {
        await TwoConversationsAsync();
        harness.Gateway.FailNext(new ChatDeliveryException(ChatErrorKind.BadRequest, "Bad Request: can't parse entities"));

        harness.Marketplace.AddBuyerMessage("7001", "Hello again");
        await harness.RunAsync();

        var dead = Assert.Single(await Outbox.ListAsync(OutboxStatus.Dead, 10, CancellationToken.None));
        Assert.Equal((OutboxKinds.StaffPost, 1), (dead.Kind, dead.Attempts));
    }

    [Fact]
    public async Task UnexpectedError_IsADeadLetterAfterMaxAttempts()
    {
        var topics = await TwoConversationsAsync();
        for (var i = 0; i < 8; i++)
        {
            harness.Marketplace.FailNextSend(new NotSupportedException("a bug"));
        }

        await Updates.HandleMessageAsync(StaffMessages.Reply(topics[0], 805, "Hello"), CancellationToken.None);
        await harness.PassAsync(TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(1));

        var dead = Assert.Single(await Outbox.ListAsync(OutboxStatus.Dead, 10, CancellationToken.None));
        Assert.Equal(8, dead.Attempts);
    }

    [Theory]
    [InlineData(ChatErrorKind.Transient, -100L, FailureKind.Outage)]
    [InlineData(ChatErrorKind.Forbidden, -100L, FailureKind.Outage)]
    [InlineData(ChatErrorKind.Forbidden, 42L, FailureKind.Permanent)]
    [InlineData(ChatErrorKind.BadRequest, -100L, FailureKind.Permanent)]
    [InlineData(ChatErrorKind.ReactionInvalid, -100L, FailureKind.Permanent)]
    [InlineData(ChatErrorKind.RateLimited, 42L, FailureKind.RateLimited)]
    public void ChatErrors_AreSortedIntoOutagesAndRefusals(ChatErrorKind kind, long chatId, FailureKind expected) =>
        Assert.Equal(expected, DeliveryFailures.Classify(new ChatDeliveryException(kind, "x"), chatId));

    [Theory]
    [InlineData(MarketplaceErrorKind.Transient, FailureKind.Outage)]
    [InlineData(MarketplaceErrorKind.Authorization, FailureKind.Outage)]
    [InlineData(MarketplaceErrorKind.Rejected, FailureKind.Permanent)]
    public void MarketplaceErrors_AreSortedIntoOutagesAndRefusals(MarketplaceErrorKind kind, FailureKind expected) =>
        Assert.Equal(expected, DeliveryFailures.Classify(new MarketplaceException(kind, "x"), null));

    [Fact]
    public void NetworkErrors_AreOutages()
    {
        Assert.Equal(FailureKind.Outage, DeliveryFailures.Classify(new HttpRequestException("connection refused"), null));
        Assert.Equal(FailureKind.Outage, DeliveryFailures.Classify(new TaskCanceledException("timeout"), null));
        Assert.Equal(FailureKind.Outage, DeliveryFailures.Classify(new TimeoutException(), null));
    }

    private IChatUpdateHandler Updates => harness.Get<IChatUpdateHandler>();

    private IOutboxRepository Outbox => harness.Get<IOutboxRepository>();

    private async Task<int[]> TwoConversationsAsync()
    {
        harness.Marketplace.AddBuyerMessage("7001", "Where is my parcel?");
        harness.Marketplace.AddBuyerMessage("7002", "Is it in stock?", buyerId: "buyer-2", buyerName: "Bo");
        await harness.RunAsync();
        // Topics are made in parallel: find each by its order.
        return new[] { "7001", "7002" }.Select(order => harness.Gateway.Topics.Single(t => t.Name.Contains(order, StringComparison.Ordinal)).TopicId).ToArray();
    }
}
