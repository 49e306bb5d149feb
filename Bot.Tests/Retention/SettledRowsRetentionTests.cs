using Bot.Core.Operations.Alerts;
using Bot.Core.Retention;
using Bot.Core.Storage;
using Bot.Tests.Harness;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Retention;

/// <summary>Retention also bounds the tables beside the outbox: parked updates once settled, resolved alerts,
/// set-aside marketplace items, long-expired invitations (30 days each by default). Rows still in use stay.</summary>
public sealed class SettledRowsRetentionTests : IAsyncLifetime
{
    private CoreHarness harness = null!;

    public async Task InitializeAsync() => harness = await CoreHarness.StartAsync(configure: services =>
    {
        services.AddRetentionTarget<IAlertRepository>(
            "resolved alerts", o => o.ResolvedAlerts, (alerts, before, limit, ct) => alerts.PruneResolvedAsync(before, limit, ct));
        services.AddRetention();
    });

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task Prune_RemovesOldSettledRowsOfEveryTable_KeepsYoungOnesAndThoseStillInUse()
    {
        var conversation = await InsertConversationAsync();
        await InsertAllAsync(conversation, "old");
        harness.Time.Advance(TimeSpan.FromDays(25));
        await InsertAllAsync(conversation, "young");
        harness.Time.Advance(TimeSpan.FromDays(6)); // old rows settled 31 days ago, young ones 6

        var report = await harness.Get<DatabasePruner>().PruneAsync(CancellationToken.None);

        Assert.Equal(1, report.Deleted["settled parked updates"]);
        Assert.Equal(1, report.Deleted["resolved alerts"]);
        Assert.Equal(1, report.Deleted["set-aside marketplace items"]);
        Assert.Equal(1, report.Deleted["expired invitations"]);
        Assert.Equal(["pending-old", "young"], await TagsAsync("SELECT payload FROM parked_updates"));
        Assert.Equal(["active-old", "young"], await TagsAsync("SELECT key FROM alerts"));
        Assert.Equal(["young"], await TagsAsync("SELECT item_id FROM marketplace_set_aside"));
        Assert.Equal(["young"], await TagsAsync("SELECT nonce FROM buyer_invites"));
    }

    [Fact]
    public async Task AnAlertSavedAsResolved_IsPruned_ByACutoffLaterTheSameDay()
    {
        var alerts = harness.Get<IAlertRepository>();
        var resolved = new DateTimeOffset(2026, 11, 30, 9, 15, 0, TimeSpan.Zero);
        await alerts.SaveAsync(new ActiveAlert(new Alert("resolved", "t", "t"), resolved.AddHours(-1), resolved.AddMinutes(-50), resolved), CancellationToken.None);
        await alerts.SaveAsync(new ActiveAlert(new Alert("later", "t", "t"), resolved, resolved, resolved.AddHours(3)), CancellationToken.None);

        // Times the alerts' own writes store compare with the cutoff the pruning hands the driver, as every other time does.
        Assert.Equal(1, await alerts.PruneResolvedAsync(resolved.AddHours(2), 100, CancellationToken.None));
        Assert.Equal(["later"], await TagsAsync("SELECT key FROM alerts"));
        var kept = Assert.Single(await alerts.LoadAsync(CancellationToken.None));
        Assert.Equal((resolved, resolved, resolved.AddHours(3)), (kept.Since, kept.LastSent, kept.ResolvedAt));
    }

    /// <summary>One settled row of each table, tagged; for "old" also rows that are still in use (a pending parked
    /// update, an active alert), which must survive whatever their age.</summary>
    private async Task InsertAllAsync(long conversation, string tag)
    {
        var now = harness.Time.GetUtcNow();
        await using var connection = await harness.Get<IDbConnectionFactory>().OpenAsync(CancellationToken.None);
        const string Parked = """
            INSERT INTO parked_updates (update_id, payload, status, attempts, next_attempt_at, created_at, updated_at)
            VALUES (1, @payload, @status, 1, @now, @now, @now)
            """;
        const string Alert = "INSERT INTO alerts (key, title, text, since, resolved_at) VALUES (@key, 't', 't', @now, @resolved)";
        await connection.ExecuteAsync(Parked, new { payload = tag, status = "done", now });
        await connection.ExecuteAsync(Alert, new { key = tag, now, resolved = (DateTimeOffset?)now });
        if (tag == "old")
        {
            await connection.ExecuteAsync(Parked, new { payload = "pending-old", status = "pending", now });
            await connection.ExecuteAsync(Alert, new { key = "active-old", now, resolved = (DateTimeOffset?)null });
        }

        await connection.ExecuteAsync(
            """
            INSERT INTO marketplace_set_aside (marketplace, account, conversation_id, item_id, reason, raw, first_seen_at, last_seen_at)
            VALUES ('aliexpress', 'store', '1', @tag, 'bad time', '{}', @now, @now)
            """,
            new { tag, now });
        await connection.ExecuteAsync(
            """
            INSERT INTO buyer_invites (conversation_id, nonce, code_hash, created_at, expires_at)
            VALUES (@conversation, @tag, @hash, @now, @now)
            """,
            new { conversation, tag, hash = "hash-" + tag, now });
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

    private async Task<string[]> TagsAsync(string sql)
    {
        await using var connection = await harness.Get<IDbConnectionFactory>().OpenAsync(CancellationToken.None);
        return (await connection.QueryAsync<string>(sql)).Order(StringComparer.Ordinal).ToArray();
    }
}
