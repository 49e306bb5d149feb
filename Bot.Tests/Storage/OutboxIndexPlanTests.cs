using Bot.Core.Outbox;
using Bot.Core.Sqlite;
using Bot.Core.Storage;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bot.Tests.Storage;

/// <summary>The outbox's status indexes are partial (migration 0025): pending rows in one, settled rows in the other.
/// SQLite uses a partial index only for a query whose WHERE says what the index's does, so each query on the outbox's
/// status must still find its rows through its index, not by reading the whole outbox (which keeps every delivered
/// item for the retention period). The statements are the repositories' own texts.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class OutboxIndexPlanTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("plans-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    public static TheoryData<string, string, string> Statements => new()
    {
        { "due in a lane", SqliteOutboxRepository.DueInLane.Text, "ix_outbox_pending" },
        { "a kind pending in a lane", SqliteOutboxRepository.PendingOfKind.Text, "ix_outbox_pending" },
        { "a lane's next head", SqliteOutboxRepository.NextHead, "ix_outbox_pending" },
        { "items done, with their lanes' next heads", SqliteOutboxRepository.CompleteMany.Of(2).Text, "ix_outbox_pending" },
        { "heads rebuilt", SqliteOutboxRepository.RebuildHeads, "ix_outbox_pending" },
        { "pending listed", SqliteOutboxRepository.List(OutboxStatus.Pending), "ix_outbox_pending" },
        { "dead listed", SqliteOutboxRepository.List(OutboxStatus.Dead), "ix_outbox_settled" },
        { "counts", SqliteOutboxRepository.Stats.Text, "ix_outbox_settled" },
        { "pruned", SqliteOutboxRepository.Prune.Text, "ix_outbox_settled" },
        { "dead letters revived", SqliteOutboxRepository.RequeueDead("AND conversation_id = @id"), "ix_outbox_settled" },
        { "latest dead letters", SqliteDeadLetterRepository.Latest, "ix_outbox_settled" },
        { "dead letter ids", SqliteDeadLetterRepository.DeadIds, "ix_outbox_settled" },
        { "a conversation's dead letter ids", SqliteDeadLetterRepository.DeadIdsOfConversation, "ix_outbox_settled" },
        { "rescheduled with its lane's head", SqliteOutboxRepository.Reschedule, "SEARCH outbox_heads USING INDEX sqlite_autoindex_outbox_heads_1 (lane=?)" },
    };

    [Theory]
    [MemberData(nameof(Statements))]
    public async Task StatusQuery_FindsItsRowsThroughItsIndex(string what, string sql, string index)
    {
        using var factory = new SqliteConnectionFactory(Options.Create(new StorageOptions { ConnectionString = $"Data Source={Path.Combine(directory, "bridge.db")}" }));
        await new SqliteMigrationRunner(factory, TimeProvider.System, NullLogger<SqliteMigrationRunner>.Instance).ApplyAsync(CancellationToken.None);
        await using var connection = await factory.OpenAsync(CancellationToken.None);
        var plan = new List<string>();
        // Each statement of the text on its own (EXPLAIN explains one); Dapper's list parameter as SQLite would get it.
        foreach (var statement in sql.Replace("IN @ids", "IN (@ids1, @ids2)", StringComparison.Ordinal).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            plan.AddRange((await SqlMapper.QueryAsync<(long Id, long Parent, long NotUsed, string Detail)>(connection, $"EXPLAIN QUERY PLAN {statement}")).Select(r => r.Detail));
        }

        var lines = string.Join(" | ", plan);
        Assert.DoesNotContain(plan, step => System.Text.RegularExpressions.Regex.IsMatch(step, @"^SCAN (outbox|o)\b") && !step.Contains("INDEX", StringComparison.Ordinal));
        Assert.True(lines.Contains(index, StringComparison.Ordinal), $"{what}: {index} not used: {lines}");
    }
}
