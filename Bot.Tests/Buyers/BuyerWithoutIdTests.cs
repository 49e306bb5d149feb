using Bot.Core.Buyers;
using Bot.Core.Storage;

namespace Bot.Tests.Buyers;

/// <summary>When the marketplace leaves the buyer's id out, conversations of different buyers would share the empty
/// id: such a conversation is never linkable to anyone.</summary>
public sealed class BuyerWithoutIdTests : IAsyncLifetime
{
    private BuyerScenario scenario = null!;

    public async Task InitializeAsync() => scenario = await BuyerScenario.StartAsync();

    public async Task DisposeAsync() => await scenario.DisposeAsync();

    [Fact]
    public async Task Invite_ForAConversationWithoutBuyerId_IsRefused_WithAClearMessageToStaff()
    {
        var topic = await scenario.OrderAsync("7001", buyerId: "");

        var code = await scenario.InviteAsync(topic);

        Assert.Null(code);
        Assert.Contains(scenario.InTopic(topic), t => t.Html.Contains("no buyer id", StringComparison.Ordinal));
        Assert.Equal(0, await scenario.ScalarAsync<long>("SELECT COUNT(*) FROM buyer_invites"));
    }

    [Fact]
    public async Task InvitationMadeBeforeTheFix_ForAConversationWithoutBuyerId_DoesNotLink()
    {
        var topic = await scenario.OrderAsync("7001", buyerId: "");
        var other = await scenario.OrderAsync("7002", buyerId: "");
        var code = await LegacyInviteAsync("7001");

        await scenario.SayAsync("/start " + code);
        await scenario.StaffAsync(other, "Private answer for the other buyer");
        await scenario.SayAsync("Let me write into someone else's order");

        Assert.False(scenario.Got(BuyerScenario.Buyer, "Private answer for the other buyer"));
        Assert.DoesNotContain(scenario.Harness.Marketplace.Sent, s => s.Text.Contains("someone else's order", StringComparison.Ordinal));
        Assert.DoesNotContain(scenario.InTopic(topic), t => t.Html.Contains("linked Telegram", StringComparison.Ordinal));
        Assert.Equal(0, await scenario.ScalarAsync<long>("SELECT COUNT(*) FROM buyer_links WHERE unlinked_at IS NULL"));
    }

    [Fact]
    public async Task LinkStoredWithAnEmptyBuyerId_GetsNoFanOut_AndNoOrderChoice()
    {
        var first = await scenario.OrderAsync("7001", buyerId: "");
        await scenario.OrderAsync("7002", buyerId: "");
        await scenario.ExecuteAsync(
            """
            INSERT INTO buyer_links (telegram_user_id, chat_id, display_name, marketplace, account, buyer_id, linked_at)
            VALUES (@user, @user, 'Old link', 'fake', 'store-1', '', '2026-01-01T00:00:00.0000000Z')
            """,
            new { user = BuyerScenario.Buyer });

        await scenario.StaffAsync(first, "Answer for the first buyer");
        await scenario.SayAsync("/orders");
        await scenario.SayAsync("Written by whoever holds the old link");

        Assert.False(scenario.Got(BuyerScenario.Buyer, "Answer for the first buyer"));
        Assert.False(scenario.Got(BuyerScenario.Buyer, "#700"));
        Assert.DoesNotContain(scenario.Harness.Marketplace.Sent, s => s.Text.Contains("old link", StringComparison.Ordinal));
        Assert.Equal(0, await scenario.ScalarAsync<long>("SELECT COUNT(*) FROM outbox WHERE kind = 'buyer_post'"));
    }

    /// <summary>An invitation as the bridge stored it before conversations without a buyer id were refused.</summary>
    private async Task<string> LegacyInviteAsync(string orderId)
    {
        var conversationId = await scenario.ScalarAsync<long>("SELECT id FROM conversations WHERE external_id = @orderId", new { orderId });
        var codes = scenario.Harness.Get<InviteCodes>();
        var nonce = InviteCodes.NewNonce();
        var now = scenario.Harness.Time.GetUtcNow();
        await using var session = await DbSession.BeginAsync(scenario.Harness.Get<IDbConnectionFactory>(), CancellationToken.None);
        await scenario.Harness.Get<IInviteRepository>().CreateAsync(session, conversationId, nonce, InviteCodes.Hash(codes.CodeFor(nonce)), "Sam", now, now.AddDays(7));
        await session.CommitAsync(CancellationToken.None);
        return codes.CodeFor(nonce);
    }
}
