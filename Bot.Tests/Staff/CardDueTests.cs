using Bot.Core.Conversations;
using Bot.Core.MarketplaceRelay;
using Bot.Core.Outbox;
using Bot.Core.Staff;
using Bot.Core.Storage;
using Bot.Tests.Harness;

namespace Bot.Tests.Staff;

/// <summary>A new topic's order card, when it carries the first posts, is recorded by their delivery's completion, not
/// in a transaction of its own; until then the topic's card is due. A topic whose card was never recorded (the bridge
/// stopped between making the topic and that commit) gets its card with the conversation's next delivery, so no topic
/// is left with a card the bridge cannot edit.</summary>
public sealed class CardDueTests
{
    [Fact]
    public async Task CardCarryingTheFirstPosts_IsRecordedWithTheirCompletion_AndIsNoLongerDue()
    {
        await using var harness = await StartAsync();
        harness.Marketplace.AddBuyerMessage("conversation", "question 0");
        harness.Marketplace.AddBuyerMessage("conversation", "question 1");
        await IngestAsync(harness);

        await harness.Get<OutboxDispatcher>().DispatchOnceAsync(CancellationToken.None);

        var card = Assert.Single(harness.Gateway.Texts);
        Assert.Contains("question 1", card.Html, StringComparison.Ordinal);
        var (due, stored) = await CardStateAsync(harness);
        Assert.False(due);
        Assert.NotNull(stored);
        Assert.Equal(card.TopicId, (await BindingAsync(harness))!.TopicId);
    }

    [Fact]
    public async Task TopicWhoseCardWasNeverRecorded_GetsItsCardWithTheNextDelivery_InTheSameTopic()
    {
        await using var harness = await StartAsync();
        harness.Marketplace.AddBuyerMessage("conversation", "question 0");
        await IngestAsync(harness);
        // What a stop right after the topic was made leaves: the topic and its binding, no card recorded.
        var conversation = await ConversationAsync(harness);
        var (binding, card) = await harness.Get<TopicResolver>().GetOrOpenAsync(conversation, CoreHarness.StaffChatId, CancellationToken.None);
        Assert.NotNull(card);
        Assert.True((await CardStateAsync(harness)).Due);

        await harness.Get<OutboxDispatcher>().DispatchOnceAsync(CancellationToken.None);

        Assert.Single(harness.Gateway.Topics);
        var sent = Assert.Single(harness.Gateway.Texts);
        Assert.Equal(binding.TopicId, sent.TopicId);
        Assert.Contains("question 0", sent.Html, StringComparison.Ordinal);
        Assert.NotNull(sent.Buttons); // the card's buttons: the post went under the card
        var (due, stored) = await CardStateAsync(harness);
        Assert.False(due);
        Assert.NotNull(stored);

        // Recorded: the next post goes as a post, without another card.
        harness.Marketplace.AddBuyerMessage("conversation", "question 2");
        await IngestAsync(harness);
        await harness.Get<OutboxDispatcher>().DispatchOnceAsync(CancellationToken.None);
        Assert.Equal(2, harness.Gateway.Texts.Count);
        Assert.Single(harness.Gateway.Topics);
    }

    private static Task<CoreHarness> StartAsync() =>
        CoreHarness.StartAsync(new Dictionary<string, string?> { ["Relay:MaxParallelDeliveries"] = "1", ["Relay:MergePosts"] = "true" });

    private static async Task IngestAsync(CoreHarness harness)
    {
        while (await harness.Get<MarketplaceIngestor>().PollOnceAsync(CancellationToken.None))
        {
        }
    }

    private static async Task<Conversation> ConversationAsync(CoreHarness harness)
    {
        await using var session = await DbSession.ReadAsync(harness.Get<IDbConnectionFactory>(), CancellationToken.None);
        var repository = harness.Get<IConversationRepository>();
        return (await repository.GetAsync(session, (await repository.FindIdByExternalIdAsync(session, "conversation"))!.Value))!;
    }

    private static async Task<ThreadBinding?> BindingAsync(CoreHarness harness)
    {
        var conversation = await ConversationAsync(harness);
        await using var session = await DbSession.ReadAsync(harness.Get<IDbConnectionFactory>(), CancellationToken.None);
        return (await harness.Get<IConversationRepository>().GetStaffTopicAsync(session, conversation.Id)).Binding;
    }

    private static async Task<(bool Due, CardMessage? Stored)> CardStateAsync(CoreHarness harness)
    {
        var conversation = await ConversationAsync(harness);
        await using var session = await DbSession.ReadAsync(harness.Get<IDbConnectionFactory>(), CancellationToken.None);
        var (_, due) = await harness.Get<IConversationRepository>().GetStaffTopicAsync(session, conversation.Id);
        return (due, await harness.Get<ICardMessageRepository>().GetAsync(session, conversation.Id));
    }
}
