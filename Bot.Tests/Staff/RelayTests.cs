using Bot.Core.Chat;
using Bot.Core.Marketplace;
using Bot.Core.Outbox;
using Bot.Core.Routing;
using Bot.Tests.Harness;

namespace Bot.Tests.Staff;

public sealed class RelayTests : IAsyncLifetime
{
    private CoreHarness harness = null!;

    public async Task InitializeAsync() => harness = await CoreHarness.StartAsync();

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task BuyerMessages_CreateOneTopic_WithOrderCardAndThePostsInOrder_InOneMessage()
    {
        harness.Marketplace.AddBuyerMessage("8001", "Where is my parcel?");
        harness.Marketplace.AddBuyerMessage("8001", "It has been 12 days.");

        await harness.RunAsync();

        var topic = Assert.Single(harness.Gateway.Topics);
        Assert.Equal(CoreHarness.StaffChatId, topic.ChatId);
        Assert.Contains("8001", topic.Name);
        Assert.Contains("Ana", topic.Name);
        var text = Assert.Single(harness.Gateway.TextsIn(topic.TopicId)).Html;
        var card = text.IndexOf("Order 8001", StringComparison.Ordinal);
        var first = text.IndexOf("Where is my parcel?", StringComparison.Ordinal);
        var second = text.IndexOf("It has been 12 days.", StringComparison.Ordinal);
        Assert.True(card >= 0 && card < first && first < second, text);
    }

    [Fact]
    public async Task MarkupInMarketplaceText_IsEscaped()
    {
        harness.Marketplace.AddBuyerMessage("8002", "<b>bold</b> & </blockquote> <a href=x>", buyerName: "<i>Eve</i>");

        await harness.RunAsync();

        var post = harness.Gateway.Texts.Last().Html;
        Assert.Contains("&lt;b&gt;bold&lt;/b&gt; &amp; &lt;/blockquote&gt; &lt;a href=x&gt;", post);
        Assert.Contains("&lt;i&gt;Eve&lt;/i&gt;", post);
        Assert.DoesNotContain("<b>bold", post);
    }

    [Fact]
    public async Task DuplicateMarketplaceMessageId_IsRelayedOnce()
    {
        var id = harness.Marketplace.AddBuyerMessage("8003", "Hello");
        await harness.RunAsync();
        harness.Marketplace.Replay(id);

        await harness.RunAsync();

        Assert.Single(harness.Gateway.Texts, t => t.Html.Contains("Hello", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EmptyMarketplaceMessage_IsSkipped_AndLaterOnesStillFlow()
    {
        harness.Marketplace.AddBuyerMessage("8004", "   ");
        harness.Marketplace.AddBuyerMessage("8004", "Real question");

        await harness.RunAsync();

        var text = Assert.Single(harness.Gateway.Texts).Html; // the card with the real question under it
        Assert.Contains("Order 8004", text);
        Assert.Contains("Real question", text);
    }

    [Fact]
    public async Task TenThousandCharacters_AreSplitUnderTelegramsLimit_WithNothingLost()
    {
        var words = string.Join(' ', Enumerable.Range(0, 1500).Select(i => $"w{i:D5}"));
        harness.Marketplace.AddBuyerMessage("8005", words);

        await harness.RunAsync();

        var posts = harness.Gateway.Texts.ToList(); // the card travels with the first part when they fit together
        Assert.True(posts.Count >= 3);
        Assert.All(posts, p => Assert.True(System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(p.Html, "<[^>]+>", "")).Length <= ChatLimits.MaxTextLength));
        var all = string.Join(' ', posts.Select(p => p.Html));
        Assert.Contains("w00000", all);
        Assert.Contains("w01499", all);
    }

    [Fact]
    public async Task DeletedTopic_IsRecreated_AndTheMessageResent()
    {
        harness.Marketplace.AddBuyerMessage("8006", "first");
        await harness.RunAsync();
        var first = Assert.Single(harness.Gateway.Topics);
        harness.Gateway.DeleteTopic(first.TopicId);

        harness.Marketplace.AddBuyerMessage("8006", "second");
        await harness.RunAsync();

        Assert.Equal(2, harness.Gateway.Topics.Count);
        var second = harness.Gateway.Topics.Last();
        Assert.Contains(harness.Gateway.TextsIn(second.TopicId), t => t.Html.Contains("second", StringComparison.Ordinal));
        Assert.Contains(harness.Gateway.TextsIn(second.TopicId), t => t.Html.Contains("Order 8006", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SellerCenterMessage_IsMirroredAndLabelled()
    {
        harness.Marketplace.AddBuyerMessage("8007", "Hi");
        harness.Marketplace.AddSellerMessage("8007", "We shipped it today.");

        await harness.RunAsync();

        var mirror = harness.Gateway.Texts.Last().Html;
        Assert.Contains("Seller center", mirror);
        Assert.Contains("We shipped it today.", mirror);
    }

    [Fact]
    public async Task BuyerMessage_MarksTheConversationRead_AfterRelay()
    {
        harness.Marketplace.AddBuyerMessage("8008", "Hi");

        await harness.RunAsync();

        Assert.Equal(["8008"], harness.Marketplace.MarkedRead.ToArray());
    }

    [Fact]
    public async Task TransientTelegramFailure_IsRetried_WithBackoff()
    {
        harness.Gateway.FailNext(new ChatDeliveryException(ChatErrorKind.Transient, "Bad Gateway"));
        harness.Marketplace.AddBuyerMessage("8009", "Hi");

        await harness.RunAsync();
        Assert.Empty(harness.Gateway.Texts);
        var pending = Assert.Single(await harness.Get<IOutboxRepository>().ListAsync(OutboxStatus.Pending, 10, CancellationToken.None), i => i.Kind == OutboxKinds.StaffPost);
        Assert.Equal(1, pending.Attempts);
        Assert.Equal("Bad Gateway", pending.LastError);

        harness.Time.Advance(TimeSpan.FromSeconds(3));
        await harness.DrainAsync();

        Assert.Single(harness.Gateway.Topics);
        Assert.Contains(harness.Gateway.Texts, t => t.Html.Contains("Hi", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RateLimitedAnswer_WaitsRetryAfter_WithoutSpendingAnAttempt()
    {
        harness.Gateway.FailNext(new ChatDeliveryException(ChatErrorKind.RateLimited, "Too Many Requests: retry after 7", TimeSpan.FromSeconds(7)));
        harness.Marketplace.AddBuyerMessage("8010", "Hi");

        await harness.RunAsync();

        var pending = Assert.Single(await harness.Get<IOutboxRepository>().ListAsync(OutboxStatus.Pending, 10, CancellationToken.None));
        Assert.Equal(0, pending.Attempts);
        Assert.Equal(harness.Time.GetUtcNow() + TimeSpan.FromSeconds(7), pending.NextAttemptAt);
    }

    [Fact]
    public async Task AuthorizationErrorOnSend_IsRetriedPastMaxAttempts_UntilTheAccountIsFixed()
    {
        harness.Marketplace.AddBuyerMessage("8011", "Hi");
        await harness.RunAsync();
        for (var i = 0; i < 12; i++)
        {
            harness.Marketplace.FailNextSend(new MarketplaceException(MarketplaceErrorKind.Authorization, "Session expired", "IllegalAccessToken"));
        }

        var topic = harness.Gateway.Topics.Single().TopicId;
        await harness.Get<IChatUpdateHandler>().HandleMessageAsync(StaffMessages.Reply(topic, 501, "We will check."), CancellationToken.None);
        for (var i = 0; i < 14; i++)
        {
            await harness.DrainAsync();
            harness.Time.Advance(TimeSpan.FromMinutes(11));
        }

        await harness.DrainAsync();
        Assert.Empty(await harness.Get<IOutboxRepository>().ListAsync(OutboxStatus.Dead, 10, CancellationToken.None));
        Assert.Equal("We will check.", Assert.Single(harness.Marketplace.Sent).Text);
        Assert.Contains(harness.Gateway.Reactions, r => r.MessageId == 501 && r.Emoji == "👍");
    }
}
