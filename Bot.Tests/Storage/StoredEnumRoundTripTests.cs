using Bot.Core.Conversations;
using Bot.Core.Messages;
using Bot.Core.Outbox;
using Bot.Core.Routing.Parking;
using Bot.Core.Storage;
using Bot.Tests.Harness;
using Dapper;

namespace Bot.Tests.Storage;

/// <summary>Every state kept as an enum goes into its column as the same text as before enums (existing databases keep
/// working) and comes back as the same member, on a real SQLite file and a real PostgreSQL database.</summary>
public abstract class StoredEnumRoundTripTests(TestDatabase database) : IAsyncLifetime
{
    private CoreHarness harness = null!;

    public async Task InitializeAsync() => harness = await CoreHarness.StartAsync(await TestDatabaseSettings.ForAsync(database));

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [DbTheory]
    [InlineData(ConversationKind.Order, "order")]
    [InlineData(ConversationKind.Chat, "chat")]
    public async Task ConversationKind_IsStoredAsItsText_AndReadBack(ConversationKind kind, string text)
    {
        var conversation = await InSessionAsync(s => harness.Get<IConversationRepository>().UpsertAsync(s, "aliexpress", "store", kind, "x-1", "buyer-1", null, null, null));

        Assert.Equal(text, await RawAsync("SELECT kind FROM conversations WHERE id = @id", conversation.Id));
        Assert.Equal(kind, (await InSessionAsync(s => harness.Get<IConversationRepository>().GetAsync(s, conversation.Id)))!.Kind);
    }

    [DbTheory]
    [InlineData(Audience.Staff, "staff")]
    [InlineData(Audience.Buyer, "buyer")]
    public async Task Audience_IsStoredAsItsText_AndReadBack(Audience audience, string text)
    {
        var conversations = harness.Get<IConversationRepository>();
        var id = await ConversationAsync();
        await InSessionAsync(s => conversations.SetBindingAsync(s, new ThreadBinding(id, audience, -100, 7)));

        Assert.Equal(text, await RawAsync("SELECT audience FROM thread_bindings WHERE conversation_id = @id", id));
        Assert.Equal(new ThreadBinding(id, audience, -100, 7), await InSessionAsync(s => conversations.GetBindingAsync(s, id, audience)));
    }

    [DbTheory]
    [InlineData(MessageOrigin.Marketplace, "marketplace", AuthorRole.Buyer, "buyer")]
    [InlineData(MessageOrigin.Marketplace, "marketplace", AuthorRole.Seller, "seller")]
    [InlineData(MessageOrigin.Telegram, "telegram", AuthorRole.Staff, "staff")]
    public async Task OriginAndAuthorRole_AreStoredAsTheirText_AndReadBack(MessageOrigin origin, string originText, AuthorRole role, string roleText)
    {
        var messages = harness.Get<IMessageRepository>();
        var conversation = await ConversationAsync();
        var id = (await InSessionAsync(s => messages.InsertAsync(s, new NewMessage(conversation, origin, role, "Ann", "Hello"))))!.Value;

        Assert.Equal(originText, await RawAsync("SELECT origin FROM messages WHERE id = @id", id));
        Assert.Equal(roleText, await RawAsync("SELECT author_role FROM messages WHERE id = @id", id));
        var stored = (await InSessionAsync(s => messages.GetAsync(s, id)))!;
        Assert.Equal((origin, role), (stored.Origin, stored.Role));
        Assert.Equal(role, await InSessionAsync(s => messages.GetAuthorRoleAsync(s, id)));
    }

    [DbTheory]
    [InlineData(CopyTarget.Telegram, "telegram")]
    [InlineData(CopyTarget.Marketplace, "marketplace")]
    public async Task CopyTarget_IsStoredAsItsText_AndReadBack(CopyTarget target, string text)
    {
        var messages = harness.Get<IMessageRepository>();
        var conversation = await ConversationAsync();
        var id = (await InSessionAsync(s => messages.InsertAsync(s, new NewMessage(conversation, MessageOrigin.Marketplace, AuthorRole.Buyer, null, "Hi"))))!.Value;
        var copyId = await InSessionAsync(s => messages.AddCopyAsync(s, new MessageCopy { MessageId = id, Target = target, Part = 0 }));

        Assert.Equal(text, await RawAsync("SELECT target FROM message_copies WHERE id = @id", copyId));
        Assert.Equal(target, Assert.Single(await InSessionAsync(s => messages.GetCopiesAsync(s, id, target))).Target);
    }

    [DbFact]
    public async Task OutboxStatus_IsStoredAsItsText_AndReadBack()
    {
        var outbox = harness.Get<IOutboxRepository>();
        var pending = await InSessionAsync(s => outbox.EnqueueAsync(s, new OutboxEntry("probe", "lane-1")));
        var done = await InSessionAsync(s => outbox.EnqueueAsync(s, new OutboxEntry("probe", "lane-2")));
        var dead = await InSessionAsync(s => outbox.EnqueueAsync(s, new OutboxEntry("probe", "lane-3")));
        await InSessionAsync(s => outbox.CompleteAsync(s, done));
        await InSessionAsync(s => outbox.DeadLetterAsync(s, dead, 1, "refused"));

        foreach (var (id, status, text) in new[] { (pending, OutboxStatus.Pending, "pending"), (done, OutboxStatus.Done, "done"), (dead, OutboxStatus.Dead, "dead") })
        {
            Assert.Equal(text, await RawAsync("SELECT status FROM outbox WHERE id = @id", id));
            Assert.Equal(status, Assert.Single(await outbox.ListAsync(status, 10, CancellationToken.None)).Status);
            Assert.Equal(status, Assert.Single(await harness.Get<IDeadLetterRepository>().StatusesAsync([id], CancellationToken.None)).Status);
        }
    }

    [DbFact]
    public async Task ParkedUpdateStatus_IsStoredAsItsText_AndReadBack()
    {
        var store = harness.Get<IParkedUpdateRepository>();
        var pending = await store.ParkAsync(1, "{}", "locked", CancellationToken.None);
        var dead = await store.ParkDeadAsync(2, "{}", "undecodable", CancellationToken.None);
        var done = await store.ParkAsync(3, "{}", "locked", CancellationToken.None);
        await store.CompleteAsync(done, CancellationToken.None);

        Assert.Equal("pending", await RawAsync("SELECT status FROM parked_updates WHERE id = @id", pending));
        Assert.Equal("dead", await RawAsync("SELECT status FROM parked_updates WHERE id = @id", dead));
        Assert.Equal("done", await RawAsync("SELECT status FROM parked_updates WHERE id = @id", done));
        var open = await store.ListOpenAsync(10, CancellationToken.None);
        Assert.Equal([(dead, ParkedUpdateStatus.Dead), (pending, ParkedUpdateStatus.Pending)], open.Select(u => (u.Id, u.Status)));

        harness.Time.Advance(TimeSpan.FromMinutes(1));
        var due = Assert.Single(await store.GetDueAsync(10, CancellationToken.None));
        Assert.False(await store.FailAsync(due, "still locked", CancellationToken.None));
        Assert.Equal("pending", await RawAsync("SELECT status FROM parked_updates WHERE id = @id", pending));
    }

    private async Task<long> ConversationAsync() =>
        (await InSessionAsync(s => harness.Get<IConversationRepository>().UpsertAsync(s, "aliexpress", "store", ConversationKind.Order, "o-1", "buyer-1", null, null, null))).Id;

    private async Task<T> InSessionAsync<T>(Func<DbSession, Task<T>> work)
    {
        await using var session = await DbSession.BeginAsync(harness.Get<IDbConnectionFactory>(), CancellationToken.None);
        var result = await work(session);
        await session.CommitAsync(CancellationToken.None);
        return result;
    }

    private async Task InSessionAsync(Func<DbSession, Task> work) => await InSessionAsync(async s => { await work(s); return 0; });

    private async Task<string?> RawAsync(string sql, long id)
    {
        await using var connection = await harness.Get<IDbConnectionFactory>().OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<string?>(sql, new { id });
    }

    public sealed class OnSqlite() : StoredEnumRoundTripTests(TestDatabase.Sqlite);

    [Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
    public sealed class OnPostgres() : StoredEnumRoundTripTests(TestDatabase.Postgres), IPostgresVariant;
}
