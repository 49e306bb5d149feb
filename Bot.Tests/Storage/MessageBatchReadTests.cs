using Bot.Core.Conversations;
using Bot.Core.Messages;
using Bot.Core.Outbox;
using Bot.Core.Storage;
using Bot.Tests.Harness;

namespace Bot.Tests.Storage;

/// <summary>The posts a merged send may carry are read together: their messages in one query, their copies in one,
/// however many there are (no query per message).</summary>
public abstract class MessageBatchReadTests(TestDatabase database) : IAsyncLifetime
{
    private CoreHarness harness = null!;
    private long conversationId;

    public async Task InitializeAsync()
    {
        harness = await CoreHarness.StartAsync(await TestDatabaseSettings.ForAsync(database));
        await using var session = await DbSession.BeginAsync(harness.Get<IDbConnectionFactory>(), CancellationToken.None);
        conversationId = (await harness.Get<IConversationRepository>().UpsertAsync(
            session, "aliexpress", "store", ConversationKind.Order, "order-1", "buyer-1", "Ann", null, null)).Id;
        await session.CommitAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [DbFact]
    public async Task GetMany_SixteenMessages_OneStatement_EachMessageAsStored()
    {
        var ids = await AddMessagesAsync(16);

        var (connection, session) = await CountingConnection.OpenSessionAsync(harness.Get<IDbConnectionFactory>());
        await using var _ = session;
        var found = await harness.Get<IMessageRepository>().GetManyAsync(session, [.. ids, 999_999]);

        Assert.Equal(1, connection.Commands);
        Assert.Equal(ids, found.Select(m => m.Id).Order());
        for (var i = 0; i < ids.Count; i++)
        {
            var message = found.Single(m => m.Id == ids[i]);
            Assert.Equal($"text {i}", message.Text);
            Assert.Equal(conversationId, message.ConversationId);
            Assert.Equal(AuthorRole.Buyer, message.Role);
        }
    }

    [DbFact]
    public async Task GetCopiesOf_SeveralMessages_OneStatement_OnlyTheTargetsCopies_ByMessageAndPart()
    {
        var ids = await AddMessagesAsync(3);
        await AddCopyAsync(ids[2], CopyTarget.Telegram, 1);
        await AddCopyAsync(ids[0], CopyTarget.Telegram, 0);
        await AddCopyAsync(ids[2], CopyTarget.Telegram, 0);
        await AddCopyAsync(ids[1], CopyTarget.Marketplace, 0);

        var (connection, session) = await CountingConnection.OpenSessionAsync(harness.Get<IDbConnectionFactory>());
        await using var _ = session;
        var copies = await harness.Get<IMessageRepository>().GetCopiesOfAsync(session, ids, CopyTarget.Telegram);

        Assert.Equal(1, connection.Commands);
        Assert.Equal([(ids[0], 0), (ids[2], 0), (ids[2], 1)], copies.Select(c => (c.MessageId, c.Part)));
        Assert.All(copies, c => Assert.Equal(CopyTarget.Telegram, c.Target));
    }

    [DbFact]
    public async Task AddCopies_SeveralCopies_OneStatement_EachAsGiven()
    {
        var ids = await AddMessagesAsync(3);
        var given = ids.Select((id, i) => new MessageCopy
        {
            MessageId = id, Target = i == 1 ? CopyTarget.Marketplace : CopyTarget.Telegram, Part = i, ChatId = i == 2 ? null : -100 - i,
            TopicId = 7, RemoteMessageId = $"remote {i}", Text = $"copy {i}", Language = i == 0 ? "ru" : null, Provider = i == 0 ? "deepl" : null,
        }).ToList();

        var (connection, session) = await CountingConnection.OpenSessionAsync(harness.Get<IDbConnectionFactory>(), write: true);
        await using (session)
        {
            await harness.Get<IMessageRepository>().AddCopiesAsync(session, given);
            Assert.Equal(1, connection.Commands);
            await session.CommitAsync(CancellationToken.None);
        }

        await using var read = await DbSession.ReadAsync(harness.Get<IDbConnectionFactory>(), CancellationToken.None);
        var stored = (await harness.Get<IMessageRepository>().GetCopiesOfAsync(read, ids, CopyTarget.Telegram))
            .Concat(await harness.Get<IMessageRepository>().GetCopiesOfAsync(read, ids, CopyTarget.Marketplace)).OrderBy(c => c.Part).ToList();
        Assert.Equal(
            given.Select(c => (c.MessageId, c.Target, c.Part, c.ChatId, c.TopicId, c.RemoteMessageId, c.Text, c.Language, c.Provider)),
            stored.Select(c => (c.MessageId, c.Target, c.Part, c.ChatId, c.TopicId, c.RemoteMessageId, c.Text, c.Language, c.Provider)));
        Assert.All(stored, c => Assert.NotEqual(default, c.CreatedAt));
    }

    [DbFact]
    public async Task LoadMany_EachItemWithItsMessageConversationAndCopies_NullForAMissingFollowingMessage()
    {
        var ids = await AddMessagesAsync(2);
        await AddCopyAsync(ids[1], CopyTarget.Telegram, 0);
        OutboxItem[] items = [Item(1, ids[0]), Item(2, 999_999), Item(3, ids[1])];

        var loaded = await harness.Get<DeliveryRecords>().LoadManyAsync(items, CopyTarget.Telegram, CancellationToken.None);

        Assert.Equal(3, loaded.Count);
        Assert.Equal(ids[0], loaded[0]!.Message.Id);
        Assert.Empty(loaded[0]!.Copies);
        Assert.Null(loaded[1]);
        Assert.Equal(ids[1], loaded[2]!.Message.Id);
        Assert.Equal(ids[1], Assert.Single(loaded[2]!.Copies).MessageId);
        Assert.All([loaded[0]!, loaded[2]!], l => Assert.Equal("order-1", l.Conversation.ExternalId));
    }

    [DbFact]
    public async Task LoadMany_FirstMessageMissing_Throws()
    {
        var ids = await AddMessagesAsync(1);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            harness.Get<DeliveryRecords>().LoadManyAsync([Item(1, 999_999), Item(2, ids[0])], CopyTarget.Telegram, CancellationToken.None));

        Assert.Contains("999999", error.Message, StringComparison.Ordinal);
    }

    private OutboxItem Item(long id, long messageId) =>
        new() { Id = id, Kind = OutboxKinds.StaffPost, Lane = OutboxKinds.StaffLane(conversationId), ConversationId = conversationId, MessageId = messageId };

    private async Task<List<long>> AddMessagesAsync(int count)
    {
        var ids = new List<long>();
        await using var session = await DbSession.BeginAsync(harness.Get<IDbConnectionFactory>(), CancellationToken.None);
        for (var i = 0; i < count; i++)
        {
            ids.Add((await harness.Get<IMessageRepository>().InsertAsync(session, new NewMessage(
                conversationId, MessageOrigin.Marketplace, AuthorRole.Buyer, "Ann", $"text {i}", [], $"m{Guid.NewGuid():N}")))!.Value);
        }

        await session.CommitAsync(CancellationToken.None);
        return ids;
    }

    private async Task AddCopyAsync(long messageId, CopyTarget target, int part)
    {
        await using var session = await DbSession.BeginAsync(harness.Get<IDbConnectionFactory>(), CancellationToken.None);
        await harness.Get<IMessageRepository>().AddCopyAsync(session, new MessageCopy
        {
            MessageId = messageId, Target = target, Part = part, ChatId = -100, TopicId = 5, RemoteMessageId = $"{messageId}-{part}",
        });
        await session.CommitAsync(CancellationToken.None);
    }

    public sealed class OnSqlite() : MessageBatchReadTests(TestDatabase.Sqlite);

    [Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
    public sealed class OnPostgres() : MessageBatchReadTests(TestDatabase.Postgres), IPostgresVariant;
}
