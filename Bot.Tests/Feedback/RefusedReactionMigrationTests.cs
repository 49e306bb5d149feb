using System.Text.Json;
using Bot.Core.Feedback;
using Bot.Core.Outbox;
using Bot.Core.Storage;
using Bot.Tests.Harness;
using Dapper;

namespace Bot.Tests.Feedback;

public sealed class RefusedReactionMigrationTests
{
    [Fact]
    public async Task NoticesKilledByARefusedCheckMark_AreDeliveredAfterTheUpgrade_AndTheAlertClears()
    {
        await using var harness = await CoreHarness.StartAsync();
        var connections = harness.Get<IDbConnectionFactory>();
        var explanation = new NoticePayload(CoreHarness.StaffChatId, null, "⚠️ Not delivered to the marketplace: closed", 731, "⚠️");
        var otherDead = new NoticePayload(CoreHarness.StaffChatId, null, "something else", 732);
        await using (var connection = await connections.OpenAsync(CancellationToken.None))
        {
            const string Insert = """
                INSERT INTO outbox (kind, lane, chat_id, payload, status, attempts, next_attempt_at, last_error, created_at, updated_at)
                VALUES ('notice', @lane, @chat, @payload, 'dead', 1, '2026-11-01T00:00:00.0000000Z', @error, '2026-11-01T00:00:00.0000000Z', '2026-11-01T00:00:00.0000000Z')
                """;
            var lane = OutboxKinds.ChatLane(CoreHarness.StaffChatId);
            await connection.ExecuteAsync(Insert, new { lane, chat = CoreHarness.StaffChatId, payload = JsonSerializer.Serialize(explanation), error = "Bad Request: REACTION_INVALID" });
            await connection.ExecuteAsync(Insert, new { lane, chat = CoreHarness.StaffChatId, payload = JsonSerializer.Serialize(otherDead), error = "Bad Request: chat not found" });
            // As before the upgrade (the lanes' heads, migration 22, came after it and are built from what it left pending).
            await connection.ExecuteAsync("DELETE FROM schema_migrations WHERE id IN (9, 22); DROP TABLE outbox_heads");
        }

        await harness.Get<IMigrationRunner>().ApplyAsync(CancellationToken.None);
        await harness.DrainAsync();

        Assert.Contains(harness.Gateway.Reactions, r => r.MessageId == 731 && r.Emoji == "👎");
        Assert.Contains(harness.Gateway.Texts, t => t.ReplyToMessageId == 731 && t.Html.Contains("Not delivered", StringComparison.Ordinal));
        var dead = Assert.Single(await harness.Get<IOutboxRepository>().ListAsync(OutboxStatus.Dead, 10, CancellationToken.None));
        Assert.Equal("Bad Request: chat not found", dead.LastError);
    }
}
