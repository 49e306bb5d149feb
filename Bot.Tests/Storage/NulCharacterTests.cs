using Bot.Core.Conversations;
using Bot.Core.Messages;
using Bot.Core.Storage;
using Bot.Tests.Harness;

namespace Bot.Tests.Storage;

/// <summary>Text with a NUL character (a buyer's paste, a fuzzed payload) is stored and read back, on a SQLite file and
/// on PostgreSQL, whose text type cannot hold NUL: there it comes back as U+FFFD, and nothing else of the text changes.</summary>
public abstract class NulCharacterTests(TestDatabase database) : IAsyncLifetime
{
    private CoreHarness harness = null!;

    public async Task InitializeAsync() => harness = await CoreHarness.StartAsync(await TestDatabaseSettings.ForAsync(database));

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [DbFact]
    public async Task MessageWithANulCharacter_IsStored_AndReadBack()
    {
        var messages = harness.Get<IMessageRepository>();
        await using var session = await DbSession.BeginAsync(harness.Get<IDbConnectionFactory>(), CancellationToken.None);
        var conversation = await harness.Get<IConversationRepository>().UpsertAsync(session, "aliexpress", "store", ConversationKind.Order, "o-\0-1", "buyer\0", null, null, null);
        var id = await messages.InsertAsync(session, new NewMessage(conversation.Id, MessageOrigin.Marketplace, AuthorRole.Buyer, "An\0n", "Hello\0 there"));
        await session.CommitAsync(CancellationToken.None);

        await using var read = await DbSession.ReadAsync(harness.Get<IDbConnectionFactory>(), CancellationToken.None);
        var stored = (await messages.GetAsync(read, id!.Value))!;
        var nul = database == TestDatabase.Postgres ? '\uFFFD' : '\0';
        Assert.Equal($"Hello{nul} there", stored.Text);
        Assert.Equal($"o-{nul}-1", (await harness.Get<IConversationRepository>().GetAsync(read, conversation.Id))!.ExternalId);
    }

    public sealed class OnSqlite() : NulCharacterTests(TestDatabase.Sqlite);

    [Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
    public sealed class OnPostgres() : NulCharacterTests(TestDatabase.Postgres), IPostgresVariant;
}
