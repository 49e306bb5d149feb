using Bot.Core.Conversations;
using Bot.Core.Marketplace;
using Bot.Marketplace.Demo;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Demo;

/// <summary>The demo marketplace's pace, its answers and its cursor, on a fake clock.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class DemoMarketplaceClientTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

    private static readonly DemoOptions Pace = new()
    {
        Seed = 42,
        NewConversationEvery = TimeSpan.FromMinutes(3),
        MaxConversations = 4,
        ReplyDelay = TimeSpan.FromSeconds(20),
    };

    [Fact]
    public async Task NewBuyers_WriteAtThePace_UpToTheMaximum()
    {
        var demo = Client();

        var first = await demo.FetchAsync(null, default);
        time.Advance(TimeSpan.FromMinutes(2));
        var quiet = await demo.FetchAsync(first.NextCursor, default);
        time.Advance(TimeSpan.FromMinutes(1));
        var second = await demo.FetchAsync(quiet.NextCursor, default);
        time.Advance(TimeSpan.FromHours(5));
        var rest = await demo.FetchAsync(second.NextCursor, default);

        Assert.Equal(["demo-0-0"], first.Messages.Select(m => m.MessageId));
        Assert.Empty(quiet.Messages);
        Assert.Equal(["demo-1-0"], second.Messages.Select(m => m.MessageId));
        Assert.Equal(["demo-2-0", "demo-3-0"], rest.Messages.Select(m => m.MessageId));
        Assert.Equal(time.Start + TimeSpan.FromMinutes(9), rest.Messages[^1].SentAt);
        Assert.All(first.Messages.Concat(rest.Messages), m => Assert.Equal(MarketplaceAuthor.Buyer, m.Author));
    }

    [Fact]
    public async Task StoredCursor_RepeatsNothing_EvenInANewProcess()
    {
        var before = await Client().FetchAsync(null, default);
        time.Advance(TimeSpan.FromMinutes(4));
        var seen = await Client().FetchAsync(before.NextCursor, default);

        var again = await Client().FetchAsync(seen.NextCursor, default);

        Assert.Single(seen.Messages);
        Assert.Empty(again.Messages);
        Assert.Equal(seen.NextCursor, again.NextCursor);
    }

    [Fact]
    public async Task StaffReplies_AreAnsweredAfterTheDelay_WithAFollowUp_ThenThanks_ThenNothingMore()
    {
        var demo = Client();
        var opening = await demo.FetchAsync(null, default);
        var buyer = opening.Messages[0];
        var script = new DemoScript(Options.Create(Pace)).Conversation(0);

        await demo.SendAsync(Reply(buyer), default);
        var early = await demo.FetchAsync(opening.NextCursor, default);
        time.Advance(Pace.ReplyDelay);
        var followUp = await demo.FetchAsync(early.NextCursor, default);
        await demo.SendAsync(Reply(buyer), default);
        time.Advance(Pace.ReplyDelay);
        var thanks = await demo.FetchAsync(followUp.NextCursor, default);
        await demo.SendAsync(Reply(buyer), default);
        time.Advance(Pace.ReplyDelay);
        var after = await demo.FetchAsync(thanks.NextCursor, default);

        Assert.Empty(early.Messages);
        Assert.Equal((script.FollowUp, "demo-0-1"), (followUp.Messages.Single().Text, followUp.Messages.Single().MessageId));
        Assert.Equal((script.Thanks, "demo-0-2"), (thanks.Messages.Single().Text, thanks.Messages.Single().MessageId));
        Assert.Empty(after.Messages);
        Assert.All(followUp.Messages.Concat(thanks.Messages), m => Assert.Equal((buyer.ConversationId, buyer.BuyerId), (m.ConversationId, m.BuyerId)));
    }

    [Fact]
    public async Task AnAnswerWhoseBatchWasNotCommitted_IsHandedOutAgain_WithTheSameId()
    {
        var demo = Client();
        var opening = await demo.FetchAsync(null, default);
        await demo.SendAsync(Reply(opening.Messages[0]), default);
        time.Advance(Pace.ReplyDelay);

        var lost = await demo.FetchAsync(opening.NextCursor, default);
        var retried = await demo.FetchAsync(opening.NextCursor, default);
        var settled = await demo.FetchAsync(retried.NextCursor, default);

        Assert.Equal(lost.Messages.Single().MessageId, retried.Messages.Single().MessageId);
        Assert.Empty(settled.Messages);
    }

    [Fact]
    public void Buyers_FollowFromTheSeed_SpeakTenLanguages_AndWriteAboutEveryTopic_BeforeAndAfterOrders()
    {
        var script = new DemoScript(Options.Create(Pace));
        var buyers = Enumerable.Range(0, 11).Select(script.Conversation).ToList();

        Assert.Equal(buyers, Enumerable.Range(0, 11).Select(new DemoScript(Options.Create(Pace)).Conversation));
        Assert.Equal(["ar", "de", "en", "es", "fr", "pl", "pt", "ru", "tr", "uk"], buyers.Take(10).Select(b => b.Language).Order());
        Assert.Equal(11, buyers.Select(b => b.Topic.Id).Distinct().Count());
        Assert.Equal(11, buyers.Select(b => b.ConversationId).Distinct().Count());
        Assert.All(buyers.Where(b => b.Kind == ConversationKind.Order), b => Assert.Equal(b.ConversationId, b.Card.OrderId));
        Assert.All(buyers.Where(b => b.Kind == ConversationKind.Chat), b => Assert.Null(b.Card.OrderId));
        Assert.NotEqual(buyers[0], new DemoScript(Options.Create(new DemoOptions { Seed = 43 })).Conversation(0));
    }

    private DemoMarketplaceClient Client() =>
        new(new DemoScript(Options.Create(Pace)), time, Options.Create(Pace), NullLogger<DemoMarketplaceClient>.Instance);

    private static MarketplaceOutgoing Reply(MarketplaceMessage to) =>
        new(to.ConversationId, to.Kind, to.BuyerId, "Thanks for writing, we are on it.", to.ReplyContext);
}
