using Bot.Core.Outbox;
using Bot.Core.Storage;
using Bot.Core.Telemetry;
using Bot.Tests.Harness;
using Dapper;

namespace Bot.Tests.MarketplaceRelay;

/// <summary>What the marketplace lists again is taken in once. A buyer's stored message is recognised by its own row, so
/// taking it in writes nothing else; messages that leave no row (empty ones, the store's own from the seller center)
/// are remembered apart.</summary>
public sealed class RereadTests : IAsyncLifetime
{
    private CoreHarness harness = null!;

    public async Task InitializeAsync() => harness = await CoreHarness.StartAsync();

    public async Task DisposeAsync() => await harness.DisposeAsync();

    private RelayMetrics Metrics => harness.Get<RelayMetrics>();

    [Fact]
    public async Task BuyersMessageListedAgain_IsRelayedOnce_AndTakingItInWroteOnlyItsOwnRow()
    {
        var id = harness.Marketplace.AddBuyerMessage("8201", "Where is my parcel?");
        await harness.RunAsync();
        harness.Marketplace.Replay(id);
        harness.Marketplace.Replay(id);

        await harness.RunAsync();

        Assert.Single(harness.Gateway.Texts, t => t.Html.Contains("Where is my parcel?", StringComparison.Ordinal));
        Assert.Equal(2, Metrics.TotalMarketplaceRereads);
        Assert.Equal(1L, await CountAsync("SELECT COUNT(*) FROM messages WHERE marketplace_message_id = @id", id));
        Assert.Equal(0L, await CountAsync("SELECT COUNT(*) FROM marketplace_seen WHERE marketplace_message_id = @id", id));
        Assert.Equal(1L, await CountAsync($"SELECT COUNT(*) FROM outbox WHERE kind = '{OutboxKinds.StaffPost}'", id));
    }

    [Fact]
    public async Task BuyersMessageTakenInBeforeItsRowSaidSo_IsStillTakenInOnce()
    {
        // Stored by an earlier version, which also remembered every message apart.
        var id = harness.Marketplace.AddBuyerMessage("8202", "Is it in stock?");
        await harness.RunAsync();
        await ExecuteAsync(
            "INSERT INTO marketplace_seen (conversation_id, marketplace_message_id) SELECT conversation_id, marketplace_message_id FROM messages WHERE marketplace_message_id = @id",
            id);
        harness.Marketplace.Replay(id);

        await harness.RunAsync();

        Assert.Single(harness.Gateway.Texts, t => t.Html.Contains("Is it in stock?", StringComparison.Ordinal));
        Assert.Equal(1, Metrics.TotalMarketplaceRereads);
    }

    [Fact]
    public async Task EmptyMessageListedAgain_IsSkippedAgain_AsAReread()
    {
        var id = harness.Marketplace.AddBuyerMessage("8203", "  ");
        await harness.RunAsync();
        harness.Marketplace.Replay(id);

        await harness.RunAsync();

        Assert.Empty(harness.Gateway.Texts);
        Assert.Equal(1, Metrics.TotalMarketplaceRereads);
        Assert.Equal(1L, await CountAsync("SELECT COUNT(*) FROM marketplace_seen WHERE marketplace_message_id = @id", id));
    }

    [Fact]
    public async Task SellerCenterMessageListedAgain_IsRelayedOnce()
    {
        var id = harness.Marketplace.AddSellerMessage("8204", "We ship on Monday.");
        await harness.RunAsync();
        harness.Marketplace.Replay(id);

        await harness.RunAsync();

        Assert.Single(harness.Gateway.Texts, t => t.Html.Contains("We ship on Monday.", StringComparison.Ordinal));
        Assert.Equal(1, Metrics.TotalMarketplaceRereads);
    }

    private async Task<long> CountAsync(string sql, string id)
    {
        await using var connection = await harness.Get<IDbConnectionFactory>().OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>(sql, new { id });
    }

    private async Task ExecuteAsync(string sql, string id)
    {
        await using var session = await DbSession.BeginAsync(harness.Get<IDbConnectionFactory>(), CancellationToken.None);
        await session.Connection.ExecuteAsync(sql, new { id }, session.Transaction);
        await session.CommitAsync(CancellationToken.None);
    }
}
