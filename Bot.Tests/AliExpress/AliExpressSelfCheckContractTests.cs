using Bot.Core.Conversations;
using Bot.Core.Marketplace;
using Bot.Marketplace.AliExpress;
using Bot.Testing.AliExpress;

namespace Bot.Tests.AliExpress;

/// <summary>The self-check, <c>updatemsgprocessed</c> and the form's charset, through the real adapter against the fake.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class AliExpressSelfCheckContractTests
{
    private const string Relations = "aliexpress.message.redefining.versiontwo.querymsgrelationlist";
    private const string Details = "aliexpress.message.redefining.versiontwo.querymsgdetaillist";
    private const string AddMsg = "aliexpress.message.redefining.versiontwo.addmsg";
    private const string Processed = "aliexpress.message.redefining.versiontwo.updatemsgprocessed";
    private const string MarkRead = "aliexpress.message.redefining.versiontwo.updatemsgread";
    private const string FindOrder = "aliexpress.trade.new.redefining.findorderbyid";
    private const string OrderIssues = "aliexpress.issue.partner.order.issues.get";

    [Fact]
    public async Task SelfCheck_OfAnAppAllowedEverything_CallsEachMethodOnceAndPostsNothing()
    {
        await using var h = await AliExpressHarness.StartAsync();
        h.Server.AddBuyerMessage("8200000001", "ru1buyer", "Ivan", "Hello");

        var report = await h.Get<AliExpressSelfCheck>().RunAsync(CancellationToken.None);

        Assert.Equal([Relations, Details, AddMsg, Processed, MarkRead, FindOrder, OrderIssues], report.Checks.Select(c => c.Method));
        Assert.Equal([true, true, null, true, true, true, true], report.Checks.Select(c => c.Allowed));
        Assert.All([Relations, Details, Processed, MarkRead, FindOrder, OrderIssues], m => Assert.Equal(1, h.Server.CallCount(m)));
        Assert.Equal(0, h.Server.CallCount(AddMsg));
        Assert.Empty(h.Server.Sent);
        Assert.Empty(h.Server.Processed);
        Assert.Empty(h.Server.MarkedRead);
        Assert.Contains("all 6 methods called are allowed", h.Client.Notice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SelfCheck_MethodRefusedForThisApp_GivesThePlatformsWordsAndWhatToDo()
    {
        await using var h = await AliExpressHarness.StartAsync();
        h.Server.Refuse(Details, FakeFault.InsufficientPermission());
        h.Server.Refuse(Processed, FakeFault.AppCallLimit());

        var report = await h.Get<AliExpressSelfCheck>().RunAsync(CancellationToken.None);

        var details = Assert.Single(report.Checks, c => c.Method == Details);
        Assert.False(details.Allowed);
        Assert.Contains("InsufficientPermission", details.Words, StringComparison.Ordinal);
        Assert.Contains("Insufficient isv permissions", details.Words, StringComparison.Ordinal);
        Assert.Contains("request the API permission package", details.Advice, StringComparison.Ordinal);
        Assert.Contains("developer console", details.Advice, StringComparison.Ordinal);
        var processed = Assert.Single(report.Checks, c => c.Method == Processed);
        Assert.Contains("AppCallLimit", processed.Words, StringComparison.Ordinal);
        Assert.Contains("call quota", processed.Advice, StringComparison.Ordinal);
        Assert.True(report.Checks.Single(c => c.Method == Relations).Allowed);
        Assert.Contains("2 of 6 methods refused", h.Client.Notice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MarkProcessed_SendsTheChannelWithDealStat1_AndTheFakeRecordsIt()
    {
        await using var h = await AliExpressHarness.StartAsync();
        h.Server.AddBuyerMessage("8200000002", "ru2buyer", "Olga", "Hello");

        await h.Client.MarkProcessedAsync("8200000002", ConversationKind.Order, CancellationToken.None);

        Assert.Equal([("8200000002", "1")], h.Server.Processed);
    }

    [Fact]
    public async Task MarkProcessed_RefusedForThisApp_DoesNotFailTheDelivery()
    {
        await using var h = await AliExpressHarness.StartAsync();
        h.Server.AddBuyerMessage("8200000003", "ru3buyer", "Olga", "Hello");
        h.Server.Refuse(Processed, FakeFault.InsufficientPermission());

        await h.Client.MarkProcessedAsync("8200000003", ConversationKind.Order, CancellationToken.None);

        Assert.Equal(1, h.Server.CallCount(Processed));
        Assert.Empty(h.Server.Processed);
    }

    [Fact]
    public async Task MarkProcessed_WhenTheGatewayDoesNotAnswer_FailsSoTheOutboxRetries()
    {
        await using var h = await AliExpressHarness.StartAsync(resilience: r => r.Retry.MaxRetryAttempts = 1);
        h.Server.AddBuyerMessage("8200000004", "ru4buyer", "Olga", "Hello");
        h.Server.FailNext(Processed, FakeFault.Status(503), times: 5);

        var error = await Assert.ThrowsAsync<MarketplaceException>(
            () => h.Client.MarkProcessedAsync("8200000004", ConversationKind.Order, CancellationToken.None));

        Assert.Equal(MarketplaceErrorKind.Transient, error.Kind);
    }

    [Fact]
    public async Task FormBodies_SayTheyAreUtf8_AndCyrillicArrivesAsWritten()
    {
        await using var h = await AliExpressHarness.StartAsync();
        h.Server.AddBuyerMessage("8200000005", "ru5buyer", "Olga", "Привет");
        var batch = await h.Client.FetchAsync(null, CancellationToken.None);

        await h.Client.SendAsync(new MarketplaceOutgoing("8200000005", ConversationKind.Order, "ru5buyer", "Отправим сегодня", batch.Messages[0].ReplyContext), CancellationToken.None);

        Assert.Equal("application/x-www-form-urlencoded; charset=utf-8", h.Server.ContentTypeOf(Relations));
        Assert.Equal("application/x-www-form-urlencoded; charset=utf-8", h.Server.ContentTypeOf(AddMsg));
        Assert.Equal("Отправим сегодня", Assert.Single(h.Server.Sent).Content);
    }
}
