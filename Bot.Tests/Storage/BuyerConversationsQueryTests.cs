using Bot.Core.Buyers;
using Bot.Core.Conversations;
using Bot.Core.Storage;
using Bot.Tests.Harness;

namespace Bot.Tests.Storage;

/// <summary>A buyer's conversations are read in one query however many there are (no query per conversation).</summary>
public abstract class BuyerConversationsQueryTests(TestDatabase database) : IAsyncLifetime
{
    private CoreHarness harness = null!;
    private int added;

    public async Task InitializeAsync() => harness = await CoreHarness.StartAsync(await TestDatabaseSettings.ForAsync(database));

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [DbFact]
    public async Task ConversationsOf_ManyConversations_TakesAsManyStatementsAsOne()
    {
        await AddOrdersAsync(1);
        var one = await CountAsync();

        await AddOrdersAsync(15);
        var sixteen = await CountAsync();

        Assert.Equal(1, one.Commands);
        Assert.Equal(one.Commands, sixteen.Commands);
        Assert.Equal(16, sixteen.Found);
    }

    [DbFact]
    public async Task ConversationsOf_ReturnsMostRecentlyActiveFirst_AtMostTwenty()
    {
        await AddOrdersAsync(22);

        var (_, session) = await CountingConnection.OpenSessionAsync(harness.Get<IDbConnectionFactory>());
        await using var _ = session;
        var found = await harness.Get<IConversationRepository>().OfLinkAsync(session, Link());

        Assert.Equal(20, found.Count);
        Assert.Equal("order-21", found[0].ExternalId);
        Assert.Equal("order-2", found[^1].ExternalId);
    }

    private static BuyerLink Link() => new() { TelegramUserId = 7, ChatId = 7, Marketplace = "aliexpress", Account = "store", BuyerId = "buyer-1" };

    private async Task AddOrdersAsync(int count)
    {
        var conversations = harness.Get<IConversationRepository>();
        for (var i = 0; i < count; i++)
        {
            harness.Time.Advance(TimeSpan.FromMinutes(1));
            await using var session = await DbSession.BeginAsync(harness.Get<IDbConnectionFactory>(), CancellationToken.None);
            await conversations.UpsertAsync(session, "aliexpress", "store", ConversationKind.Order, $"order-{added++}", "buyer-1", "Ann", null, null);
            await session.CommitAsync(CancellationToken.None);
        }
    }

    private async Task<(int Commands, int Found)> CountAsync()
    {
        var (connection, session) = await CountingConnection.OpenSessionAsync(harness.Get<IDbConnectionFactory>());
        await using var _ = session;
        var found = await harness.Get<IConversationRepository>().OfLinkAsync(session, Link());
        return (connection.Commands, found.Count);
    }

    public sealed class OnSqlite() : BuyerConversationsQueryTests(TestDatabase.Sqlite);

    [Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
    public sealed class OnPostgres() : BuyerConversationsQueryTests(TestDatabase.Postgres), IPostgresVariant;
}
