namespace Bot.Tests.Buyers;

/// <summary>A conversation first stored without a buyer id (the marketplace left it out) takes the id when a later
/// message carries it, and becomes linkable then; an id once set is never replaced.</summary>
public sealed class BuyerIdArrivesLaterTests : IAsyncLifetime
{
    private BuyerScenario scenario = null!;

    public async Task InitializeAsync() => scenario = await BuyerScenario.StartAsync();

    public async Task DisposeAsync() => await scenario.DisposeAsync();

    [Fact]
    public async Task ConversationStoredWithoutBuyerId_TakesTheIdWhenItArrives_AndBecomesLinkable()
    {
        var topic = await scenario.OrderAsync("7101", buyerId: "");
        Assert.Null(await scenario.InviteAsync(topic));

        scenario.Harness.Marketplace.AddBuyerMessage("7101", "It is me again", buyerId: "buyer-7");
        await scenario.Harness.RunAsync();
        await scenario.LinkAsync(topic);
        await scenario.StaffAsync(topic, "Your parcel left today");

        Assert.Equal("buyer-7", await BuyerIdAsync("7101"));
        Assert.Equal(1, await scenario.ScalarAsync<long>("SELECT COUNT(*) FROM buyer_links WHERE buyer_id = 'buyer-7' AND unlinked_at IS NULL"));
        Assert.True(scenario.Got(BuyerScenario.Buyer, "Your parcel left today"));
    }

    [Fact]
    public async Task ConversationWithABuyerId_KeepsIt_WhenALaterMessageNamesAnother()
    {
        await scenario.OrderAsync("7102", buyerId: "buyer-1");

        scenario.Harness.Marketplace.AddBuyerMessage("7102", "Someone else?", buyerId: "buyer-2");
        await scenario.Harness.RunAsync();

        Assert.Equal("buyer-1", await BuyerIdAsync("7102"));
    }

    [Fact]
    public async Task ConversationWithoutBuyerId_StaysWithout_WhenALaterMessageAlsoLacksIt()
    {
        var topic = await scenario.OrderAsync("7103", buyerId: "");

        scenario.Harness.Marketplace.AddBuyerMessage("7103", "Still no id", buyerId: " ");
        await scenario.Harness.RunAsync();

        Assert.Equal("", (await BuyerIdAsync("7103")).Trim());
        Assert.Null(await scenario.InviteAsync(topic));
    }

    private Task<string> BuyerIdAsync(string orderId) =>
        scenario.ScalarAsync<string>("SELECT buyer_id FROM conversations WHERE external_id = @orderId", new { orderId });
}
