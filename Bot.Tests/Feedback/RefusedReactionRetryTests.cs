using Bot.Core.Chat;
using Bot.Core.MarketplaceRelay;
using Bot.Core.Outbox;
using Bot.Core.Routing;
using Bot.Tests.Harness;

namespace Bot.Tests.Feedback;

/// <summary>Reactions under the retry policy: a reaction the chat refuses is said in text, never waited out nor a dead
/// letter; a reaction Telegram cannot take for now (an outage) is waited out like any other delivery.</summary>
public sealed class RefusedReactionRetryTests : IAsyncLifetime
{
    private CoreHarness harness = null!;
    private int topic;

    public async Task InitializeAsync()
    {
        harness = await CoreHarness.StartAsync();
        topic = await harness.OpenTopicAsync("9201", "Is it in stock?");
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    private IChatUpdateHandler Updates => harness.Get<IChatUpdateHandler>();

    private Task<IReadOnlyList<OutboxItem>> ListAsync(OutboxStatus status) => harness.Get<IOutboxRepository>().ListAsync(status, 10, CancellationToken.None);

    [Fact]
    public async Task RefusedReaction_IsConfirmedInText_AtOnce_AndNothingWaitsOrDies()
    {
        harness.Gateway.AvailableReactions = new HashSet<string> { "🔥" };
        await Updates.HandleMessageAsync(StaffMessages.Reply(topic, 930, "Yes, it is."), CancellationToken.None);

        await harness.DrainAsync();

        Assert.Single(harness.Gateway.Texts, t => t.ReplyToMessageId == 930 && t.Html == MarketplaceSendHandler.DeliveredHtml);
        Assert.DoesNotContain(harness.Gateway.Reactions, r => r.MessageId == 930);
        Assert.Empty(await ListAsync(OutboxStatus.Dead));
        Assert.Empty(await ListAsync(OutboxStatus.Pending));
    }

    [Fact]
    public async Task ReactionDuringATelegramOutage_IsWaitedOut_ThenConfirmedInTextWhereRefused()
    {
        harness.Gateway.AvailableReactions = new HashSet<string>();
        harness.Gateway.Outage = new ChatDeliveryException(ChatErrorKind.Transient, "Gateway Timeout");
        await Updates.HandleMessageAsync(StaffMessages.Reply(topic, 931, "Yes, it is."), CancellationToken.None);

        await harness.PassAsync(TimeSpan.FromHours(6), TimeSpan.FromMinutes(5));
        Assert.Equal(OutboxKinds.Reaction, Assert.Single(await ListAsync(OutboxStatus.Pending)).Kind);
        Assert.DoesNotContain(harness.Gateway.Texts, t => t.ReplyToMessageId == 931);

        harness.Gateway.Outage = null;
        await harness.PassAsync(TimeSpan.FromMinutes(11), TimeSpan.FromMinutes(1));

        Assert.Single(harness.Gateway.Texts, t => t.ReplyToMessageId == 931 && t.Html == MarketplaceSendHandler.DeliveredHtml);
        Assert.Empty(await ListAsync(OutboxStatus.Dead));
        Assert.Empty(await ListAsync(OutboxStatus.Pending));
    }
}
