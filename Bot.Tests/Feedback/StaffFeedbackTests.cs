using Bot.Core.Chat;
using Bot.Core.Conversations;
using Bot.Core.Feedback;
using Bot.Core.Marketplace;
using Bot.Core.Outbox;
using Bot.Core.Routing;
using Bot.Core.Storage;
using Bot.Tests.Harness;

namespace Bot.Tests.Feedback;

/// <summary>How the outcome of a staff message reaches staff when reactions, topics or lengths get in the way.</summary>
public sealed class StaffFeedbackTests : IAsyncLifetime
{
    private CoreHarness harness = null!;
    private int topic;

    public async Task InitializeAsync()
    {
        harness = await CoreHarness.StartAsync(Enumerable.Range(1, 8).ToDictionary(
            i => $"Buyers:StaffTemplates:long{i}", i => (string?)string.Concat(Enumerable.Repeat($"Template {i} says a lot. ", 40))));
        topic = await harness.OpenTopicAsync("9101", "Is it in stock?");
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    private IChatUpdateHandler Updates => harness.Get<IChatUpdateHandler>();

    private Task<IReadOnlyList<OutboxItem>> DeadAsync() => harness.Get<IOutboxRepository>().ListAsync(OutboxStatus.Dead, 10, CancellationToken.None);

    [Fact]
    public async Task ExplanationForADeletedTopic_GoesToTheChatsMainThread()
    {
        harness.Marketplace.FailNextSend(new MarketplaceException(MarketplaceErrorKind.Rejected, "Conversation closed"));
        await Updates.HandleMessageAsync(StaffMessages.Reply(topic, 710, "We will check."), CancellationToken.None);
        harness.Gateway.DeleteTopic(topic);

        await harness.DrainAsync();

        var explanation = Assert.Single(harness.Gateway.Texts, t => t.ReplyToMessageId == 710);
        Assert.Null(explanation.TopicId);
        Assert.Contains("Conversation closed", explanation.Html, StringComparison.Ordinal);
        Assert.Equal(OutboxKinds.MarketplaceSend, Assert.Single(await DeadAsync()).Kind);
    }

    [Fact]
    public async Task VeryLongReason_IsShortened_SoTheExplanationFits()
    {
        harness.Marketplace.FailNextSend(new MarketplaceException(MarketplaceErrorKind.Rejected, new string('x', 10_000)));
        await Updates.HandleMessageAsync(StaffMessages.Reply(topic, 711, "We will check."), CancellationToken.None);

        await harness.DrainAsync();

        var explanation = Assert.Single(harness.Gateway.Texts, t => t.ReplyToMessageId == 711);
        Assert.InRange(explanation.Html.Length, 300, 500);
        Assert.Contains(harness.Gateway.Reactions, r => r.MessageId == 711 && r.Emoji == ChatReactions.Failed);
    }

    [Fact]
    public async Task TemplatesListOverTelegramsLimit_IsSentInParts_ButtonsUnderTheLast()
    {
        await Updates.HandleMessageAsync(StaffMessages.Reply(topic, 712, "/templates"), CancellationToken.None);

        await harness.DrainAsync();

        var parts = harness.Gateway.Texts.Where(t => t.ReplyToMessageId == 712).ToList();
        Assert.True(parts.Count >= 2);
        Assert.All(parts, p => Assert.True(Bot.Core.Formatting.HtmlSplitter.PlainLength(p.Html) <= ChatLimits.MaxTextLength));
        Assert.All(parts, p => Assert.Contains("<b>", p.Html, StringComparison.Ordinal)); // whole lines keep their markup
        Assert.NotNull(parts[^1].Buttons);
        Assert.All(parts[..^1], p => Assert.Null(p.Buttons));
        Assert.Empty(await DeadAsync());
    }

    [Fact]
    public async Task NoticeQueuedByAnOlderVersion_WithACheckMark_GetsAThumbsUpInstead()
    {
        await using (var session = await DbSession.BeginAsync(harness.Get<IDbConnectionFactory>(), CancellationToken.None))
        {
            await harness.Get<Notices>().EnqueueAsync(session, new NoticePayload(CoreHarness.StaffChatId, topic, "", 713, "✅"));
            await session.CommitAsync(CancellationToken.None);
        }

        await harness.DrainAsync();

        Assert.Contains(harness.Gateway.Reactions, r => r.MessageId == 713 && r.Emoji == ChatReactions.Delivered);
        Assert.Empty(await DeadAsync());
    }

    [Fact]
    public async Task UnsupportedMessage_InAChatWithoutReactions_StillGetsItsNote()
    {
        harness.Gateway.AvailableReactions = new HashSet<string>();
        await Updates.HandleMessageAsync(StaffMessages.Reply(topic, 714, null, sticker: true), CancellationToken.None);

        await harness.DrainAsync();

        Assert.Single(harness.Gateway.Texts, t => t.ReplyToMessageId == 714);
        Assert.DoesNotContain(harness.Gateway.Reactions, r => r.MessageId == 714);
        Assert.Empty(await DeadAsync());
    }

    [Fact]
    public async Task AvailableReactions_AreReadOncePerChat_AndAgainAfterTheyMayHaveChanged()
    {
        for (var id = 720; id < 723; id++)
        {
            await Updates.HandleMessageAsync(StaffMessages.Reply(topic, id, $"Answer {id}"), CancellationToken.None);
            await harness.DrainAsync();
        }

        var reads = harness.Gateway.AvailableReactionReads;
        harness.Time.Advance(ReactionAvailability.Lifetime + TimeSpan.FromSeconds(1));
        await Updates.HandleMessageAsync(StaffMessages.Reply(topic, 723, "Answer 723"), CancellationToken.None);
        await harness.DrainAsync();

        Assert.Equal(1, reads);
        Assert.Equal(2, harness.Gateway.AvailableReactionReads);
        Assert.Equal(4, harness.Gateway.Reactions.Count(r => r.Emoji == ChatReactions.Delivered));
    }

    [Fact]
    public void EveryReactionTheBridgeUses_IsOnTheBotApiList()
    {
        string[] used = [ChatReactions.Delivered, ChatReactions.Failed, ChatReactions.Unsupported, ChatReactions.Current("✅"), ChatReactions.Current("⚠️")];

        Assert.All(used, emoji => Assert.Contains(emoji, Testing.BotApi.BotApiReactions.Emoji));
        Assert.True(ChatReactions.Standard.SetEquals(Testing.BotApi.BotApiReactions.Emoji));
    }
}
