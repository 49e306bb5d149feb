using Bot.Core.Marketplace;

namespace Bot.Tests.Operations;

/// <summary>Dead letters as operators know them (order, buyer, staff topic), and a /retry that does not help.</summary>
public sealed class DeadLetterNamesTests : IAsyncLifetime
{
    private OperatorsFixture f = null!;

    public async Task InitializeAsync() => f = await OperatorsFixture.StartAsync();

    public async Task DisposeAsync() => await f.DisposeAsync();

    [Fact]
    public async Task DeadLetters_NameTheOrderAndTheBuyer_AndLinkTheStaffTopic_InTheCommandAndOnThePage()
    {
        await f.MakeDeadLetterAsync("80021", "Refund sent.");
        var topic = f.Telegram.Topics(OperatorsFixture.Staff).First(t => t.Name.Contains("80021", StringComparison.Ordinal)).ThreadId;
        var link = $"https://t.me/c/1000000001/{topic}";

        f.Telegram.EnqueueMessage(OperatorsFixture.OperatorChat, OperatorsFixture.Operator, "Olga", "/deadletters");
        var reply = await f.OperatorMessageAsync("(latest");

        Assert.Contains("order 80021 (Ana, topic)", reply.VisibleText, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{link}\">topic</a>", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("conversation 1", reply.VisibleText, StringComparison.Ordinal);

        var page = await f.Http.GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains($"<a href=\"{link}\">order 80021</a>", page, StringComparison.Ordinal);
        Assert.Contains("<td data-label=\"Buyer\">Ana</td>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retry_ThatIsGivenUpAgain_TellsTheOperatorWhoRetried()
    {
        var dead = await f.MakeDeadLetterAsync("80022", "We will call you.");
        f.Marketplace.FailNextSend(new MarketplaceException(MarketplaceErrorKind.Rejected, "The order is still closed for comments"));

        var command = f.Telegram.EnqueueMessage(OperatorsFixture.OperatorChat, OperatorsFixture.Operator, "Olga", $"/retry {dead.Id}");
        await f.OperatorMessageAsync("queued again");

        var again = await f.OperatorMessageAsync("failed again");
        Assert.Equal(command, again.ReplyToMessageId);
        Assert.Contains($"#{dead.Id}", again.VisibleText, StringComparison.Ordinal);
        Assert.Contains("still closed for comments", again.VisibleText, StringComparison.Ordinal);
    }
}
