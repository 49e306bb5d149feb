using Bot.Core.Retention;
using Bot.Core.Storage;
using Bot.Tests.Harness;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Drafts;

/// <summary>Drafts posted in staff topics are kept 30 days (Retention__Drafts), then deleted by the pruner.</summary>
public sealed class DraftRetentionTests : IAsyncLifetime
{
    private CoreHarness harness = null!;

    public async Task InitializeAsync() => harness = await CoreHarness.StartAsync(configure: services => services.AddRetention());

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task Prune_DeletesDraftsOlderThanThirtyDays_KeepsYoungerOnes()
    {
        var conversation = await InsertConversationAsync();
        await InsertDraftAsync(conversation, 1, "old");
        harness.Time.Advance(TimeSpan.FromDays(25));
        await InsertDraftAsync(conversation, 2, "young");
        harness.Time.Advance(TimeSpan.FromDays(6));

        var report = await harness.Get<DatabasePruner>().PruneAsync(CancellationToken.None);

        Assert.Equal(1, report.Deleted["drafted replies"]);
        await using var connection = await harness.Get<IDbConnectionFactory>().OpenAsync(CancellationToken.None);
        Assert.Equal(["young"], await connection.QueryAsync<string>("SELECT text FROM drafts"));
    }

    private async Task InsertDraftAsync(long conversation, int messageId, string text)
    {
        await using var connection = await harness.Get<IDbConnectionFactory>().OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync(
            "INSERT INTO drafts (chat_id, message_id, conversation_id, text, requested_by, created_at) VALUES (-100, @messageId, @conversation, @text, 'Sam', @now)",
            new { messageId, conversation, text, now = harness.Time.GetUtcNow() });
    }

    private async Task<long> InsertConversationAsync()
    {
        await using var connection = await harness.Get<IDbConnectionFactory>().OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>(
            """
            INSERT INTO conversations (marketplace, account, kind, external_id, buyer_id, created_at, last_activity_at)
            VALUES ('aliexpress', 'store', 'order', '3001', 'buyer-1', @now, @now)
            RETURNING id
            """,
            new { now = harness.Time.GetUtcNow() });
    }
}
