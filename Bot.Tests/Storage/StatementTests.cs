using Bot.Core.Conversations;
using Bot.Core.Messages;
using Bot.Core.Storage;
using Bot.Tests.Harness;
using Dapper;

namespace Bot.Tests.Storage;

/// <summary>The hot statements run without Dapper (the ingest's message insert among them) store a time as the
/// statements that still use Dapper bind it, so that queries comparing the two (the quiet topics' "last message before")
/// compare like with like.</summary>
public sealed class StatementTests
{
    [Fact]
    public async Task TimeStoredByTheMessageInsert_IsTheTextDapperBindsForTheSameTime()
    {
        await using var harness = await CoreHarness.StartAsync();
        var connections = harness.Get<IDbConnectionFactory>();
        var sent = new DateTimeOffset(2026, 11, 26, 12, 10, 0, TimeSpan.Zero);

        await using var session = await DbSession.BeginAsync(connections, CancellationToken.None);
        var conversation = await harness.Get<IConversationRepository>().UpsertAsync(session, "fake", "main", ConversationKind.Order, "order-1", "buyer-1", "Ana", null, null);
        var id = await harness.Get<IMessageRepository>().InsertAsync(session, new NewMessage(conversation.Id, MessageOrigin.Marketplace, AuthorRole.Buyer, "Ana", "Question", SentAt: sent));

        var stored = await session.Connection.ExecuteScalarAsync<string>("SELECT created_at FROM messages WHERE id = @id", new { id }, session.Transaction);
        var boundByDapper = await session.Connection.ExecuteScalarAsync<string>("SELECT @sent", new { sent }, session.Transaction);
        Assert.Equal(boundByDapper, stored);
        Assert.Equal(sent, (await harness.Get<IMessageRepository>().GetAsync(session, id!.Value))!.CreatedAt);
    }

    [Fact]
    public async Task ATimeWithAnotherOffset_IsStoredInUtc_SoThatItSortsWithTheBridgesOwnTimes()
    {
        await using var harness = await CoreHarness.StartAsync();
        var connections = harness.Get<IDbConnectionFactory>();
        // 01:00 Pacific is 09:00 UTC: later than 08:00 UTC, though its local hour reads earlier.
        var pacific = new DateTimeOffset(2026, 11, 26, 1, 0, 0, TimeSpan.FromHours(-8));
        var utcBefore = new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);

        await using var session = await DbSession.BeginAsync(connections, CancellationToken.None);
        var conversation = await harness.Get<IConversationRepository>().UpsertAsync(session, "fake", "main", ConversationKind.Order, "order-1", "buyer-1", "Ana", null, null);
        var id = await harness.Get<IMessageRepository>().InsertAsync(session, new NewMessage(conversation.Id, MessageOrigin.Marketplace, AuthorRole.Buyer, "Ana", "Question", SentAt: pacific));

        var stored = await session.Connection.ExecuteScalarAsync<string>("SELECT created_at FROM messages WHERE id = @id", new { id }, session.Transaction);
        Assert.Equal(await session.Connection.ExecuteScalarAsync<string>("SELECT @utc", new { utc = pacific.ToUniversalTime() }, session.Transaction), stored);
        Assert.Equal(1L, await session.Connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM messages WHERE id = @id AND created_at > @utcBefore", new { id, utcBefore }, session.Transaction));
        Assert.Equal(pacific, (await harness.Get<IMessageRepository>().GetAsync(session, id!.Value))!.CreatedAt);
    }

    [Fact]
    public async Task AStatementOutsideATransaction_IsCancelledByItsToken_AndChangesNothing()
    {
        await using var harness = await CoreHarness.StartAsync();
        await using var connection = await harness.Get<IDbConnectionFactory>().OpenAsync(CancellationToken.None);
        var insert = new Bot.Core.Sqlite.Statement("INSERT INTO cursors (name, value, updated_at) VALUES (@name, 'x', @at)", "@name", "@at");
        var count = new Bot.Core.Sqlite.Statement("SELECT COUNT(*) FROM cursors WHERE name = @name", "@name");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => insert.ExecuteAsync(connection, new CancellationToken(canceled: true), "cancelled", DateTimeOffset.UtcNow));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => count.QueryAsync(connection, r => r.GetInt64(0), new CancellationToken(canceled: true), "cancelled"));

        Assert.Equal(0L, (await count.QueryAsync(connection, r => r.GetInt64(0), CancellationToken.None, "cancelled"))[0]);
        Assert.Equal(1, await insert.ExecuteAsync(connection, CancellationToken.None, "kept", DateTimeOffset.UtcNow));
    }
}
