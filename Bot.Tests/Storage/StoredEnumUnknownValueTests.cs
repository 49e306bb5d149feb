using System.Data;
using Bot.Core.Conversations;
using Bot.Core.Messages;
using Bot.Core.Outbox;
using Bot.Core.Storage;
using Bot.Tests.Harness;
using Dapper;

namespace Bot.Tests.Storage;

/// <summary>A stored state that names no member (a typo written by hand, a newer version's value) stops the read with
/// an error that names it, instead of turning into some default member.</summary>
public abstract class StoredEnumUnknownValueTests(TestDatabase database) : IAsyncLifetime
{
    private CoreHarness harness = null!;

    public async Task InitializeAsync() => harness = await CoreHarness.StartAsync(await TestDatabaseSettings.ForAsync(database));

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [DbFact]
    public void StoredEnum_UnknownOrWronglyCasedText_IsAnErrorNamingIt()
    {
        Assert.Equal(OutboxStatus.Dead, StoredEnum.Parse<OutboxStatus>("dead"));
        Assert.Contains("'lost'", Assert.Throws<DataException>(() => StoredEnum.Parse<OutboxStatus>("lost")).Message, StringComparison.Ordinal);
        Assert.Throws<DataException>(() => StoredEnum.Parse<OutboxStatus>("Dead"));
        Assert.Throws<DataException>(() => StoredEnum.Parse<OutboxStatus>(null));
        Assert.Throws<ArgumentOutOfRangeException>(() => StoredEnum.Name((OutboxStatus)42));
    }

    [DbFact]
    public async Task UnknownConversationKind_IsAnError_NotADefault()
    {
        var id = await ConversationAsync();
        await ExecuteAsync("UPDATE conversations SET kind = 'auction'");

        var error = await Assert.ThrowsAsync<DataException>(() => InSessionAsync(s => harness.Get<IConversationRepository>().GetAsync(s, id)));

        Assert.Contains("'auction'", error.Message, StringComparison.Ordinal);
    }

    [DbFact]
    public async Task UnknownOutboxStatus_IsAnError_NotADefault()
    {
        var id = await InSessionAsync(s => harness.Get<IOutboxRepository>().EnqueueAsync(s, new OutboxEntry("probe", "lane")));
        await ExecuteAsync("UPDATE outbox SET status = 'lost'");

        var error = await Assert.ThrowsAsync<DataException>(() => harness.Get<IDeadLetterRepository>().StatusesAsync([id], CancellationToken.None));

        Assert.Contains("'lost'", error.Message, StringComparison.Ordinal);
    }

    [DbFact]
    public async Task UnknownMessageOrigin_IsAnError_NotADefault()
    {
        var conversation = await ConversationAsync();
        var id = (await InSessionAsync(s => harness.Get<IMessageRepository>().InsertAsync(s, new NewMessage(conversation, MessageOrigin.Telegram, AuthorRole.Staff, null, "Hi"))))!.Value;
        await ExecuteAsync("UPDATE messages SET origin = 'fax'");

        var error = await Assert.ThrowsAsync<DataException>(() => InSessionAsync(s => harness.Get<IMessageRepository>().GetAsync(s, id)));

        Assert.Contains("fax", error.Message, StringComparison.Ordinal);
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

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await harness.Get<IDbConnectionFactory>().OpenAsync(CancellationToken.None);
        // The schema's CHECK constraints keep such values out; a value from elsewhere (a hand edit, another version)
        // is simulated by switching them off for this write (PostgreSQL: dropping them from this test's database).
        if (database == TestDatabase.Sqlite)
        {
            await connection.ExecuteAsync("PRAGMA ignore_check_constraints = ON; " + sql + "; PRAGMA ignore_check_constraints = OFF;");
            return;
        }

        var checks = await connection.QueryAsync<string>(
            "SELECT format('ALTER TABLE %I DROP CONSTRAINT %I', conrelid::regclass::text, conname) FROM pg_constraint WHERE contype = 'c' AND conrelid <> 0 AND connamespace = 'public'::regnamespace");
        foreach (var drop in checks)
        {
            await connection.ExecuteAsync(drop);
        }

        await connection.ExecuteAsync(sql);
    }

    public sealed class OnSqlite() : StoredEnumUnknownValueTests(TestDatabase.Sqlite);

    [Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
    public sealed class OnPostgres() : StoredEnumUnknownValueTests(TestDatabase.Postgres), IPostgresVariant;
}
