using Bot.Core.Marketplace;
using Bot.Testing.AliExpress;

namespace Bot.Tests.AliExpress;

/// <summary>The adapter's order reads against the fake gateway's findorderbyid and partner.order.issues.get.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class AliExpressOrderContractTests
{
    private const string FindOrder = "aliexpress.trade.new.redefining.findorderbyid";
    private const string OrderIssues = "aliexpress.issue.partner.order.issues.get";

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task OrderFacts_AreMappedFromNestedOrFlatLists_AndNumberOrStringIds(bool nested, bool idsAsStrings)
    {
        await using var h = await AliExpressHarness.StartAsync(new FakeAliExpressServerOptions { NestedLists = nested, IdsAsStrings = idsAsStrings });
        var deadline = AliExpressHarness.Start.AddDays(3);
        h.Server.SetOrder(new FakeOrder("8100000001", "WAIT_BUYER_ACCEPT_GOODS",
            [new FakeOrderItem("Mug", 3, 4.25m)], 12.75m, "EUR", "FR", [new FakeTracking("LP1", "AE_STANDARD"), new FakeTracking("LP2", "DHL")],
            deadline, [new FakeDispute(71, "finish", "Broken"), new FakeDispute(72, "processing", "Wrong colour")]));

        var facts = await h.Client.GetOrderFactsAsync("8100000001", CancellationToken.None);

        Assert.NotNull(facts);
        Assert.Equal("WAIT_BUYER_ACCEPT_GOODS", facts.StatusCode);
        Assert.Equal("Shipped, waiting for the buyer to confirm receipt", facts.Status);
        Assert.Equal([new OrderItem("Mug", 3, 4.25m, "EUR")], facts.Items);
        Assert.Equal((12.75m, "EUR", "FR"), (facts.Amount, facts.Currency, facts.BuyerCountry));
        Assert.Equal([new OrderTracking("LP1", "AE_STANDARD"), new OrderTracking("LP2", "DHL")], facts.Tracking);
        Assert.Equal(new OrderDeadline("Buyer confirms receipt by", deadline), facts.Deadline); // US Pacific on the wire
        Assert.Equal(new OrderDispute("72", "open", true, "Wrong colour"), facts.Dispute); // the open one wins
    }

    [Fact]
    public async Task OrderWithoutDispute_CostsOneCall()
    {
        await using var h = await AliExpressHarness.StartAsync();
        h.Server.SetOrder(new FakeOrder("8100000002", "PLACE_ORDER_SUCCESS", [], 1m));

        var facts = await h.Client.GetOrderFactsAsync("8100000002", CancellationToken.None);

        Assert.Equal(("Waiting for the buyer's payment", null, null), (facts!.Status, facts.Deadline, facts.Dispute));
        Assert.Equal((1, 0), (h.Server.CallCount(FindOrder), h.Server.CallCount(OrderIssues)));
    }

    [Fact]
    public async Task UnknownOrder_IsARefusal_NotTransient()
    {
        await using var h = await AliExpressHarness.StartAsync();

        var error = await Assert.ThrowsAsync<MarketplaceException>(() => h.Client.GetOrderFactsAsync("8100000099", CancellationToken.None));

        Assert.Equal(MarketplaceErrorKind.Rejected, error.Kind);
        Assert.Contains("order not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrderApiNotPermitted_IsAnAuthorizationRefusal_AndTheSelfCheckSaysWhatToDo()
    {
        await using var h = await AliExpressHarness.StartAsync();
        h.Server.Refuse(FindOrder, FakeFault.InsufficientPermission());

        var error = await Assert.ThrowsAsync<MarketplaceException>(() => h.Client.GetOrderFactsAsync("8100000001", CancellationToken.None));
        var report = await h.Get<Bot.Marketplace.AliExpress.AliExpressSelfCheck>().RunAsync(CancellationToken.None);

        Assert.Equal(MarketplaceErrorKind.Authorization, error.Kind);
        var check = Assert.Single(report.Checks, c => c.Method == FindOrder);
        Assert.False(check.Allowed);
        Assert.Contains("permission package", check.Line(), StringComparison.Ordinal);
        Assert.True(Assert.Single(report.Checks, c => c.Method == OrderIssues).Allowed);
    }

    [Fact]
    public async Task NotAnOrderNumber_IsNotAsked()
    {
        await using var h = await AliExpressHarness.StartAsync();

        Assert.Null(await h.Client.GetOrderFactsAsync("chat-123", CancellationToken.None));
        Assert.Equal(0, h.Server.CallCount(FindOrder));
    }
}
