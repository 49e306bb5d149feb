using Bot.Core.Storage;
using Dapper;

namespace Bot.Benchmarks.Scenarios;

/// <summary>SQLite's plans for the per-message statements of the relay path: flat cost needs index seeks only.
/// The dedup insert and the conversation upsert are shown as the key probes their conflict checks make.</summary>
public sealed record PlanCheck(bool AllSeeks, string Detail)
{
    private static readonly (string Name, string Sql)[] Statements =
    [
        ("reply", "SELECT message_id FROM message_copies WHERE chat_id = 1 AND remote_message_id = '1' AND target = 'telegram' LIMIT 1"),
        ("topic", "SELECT id FROM conversations WHERE id = (SELECT conversation_id FROM thread_bindings WHERE chat_id = 1 AND topic_id = 1 AND audience = 'staff' LIMIT 1)"),
        ("dedup", "SELECT 1 FROM marketplace_seen WHERE conversation_id = 1 AND marketplace_message_id = 'x'"),
        ("upsert", "SELECT id FROM conversations WHERE marketplace = 'a' AND account = 'b' AND external_id = 'c'"),
        ("copies", "SELECT id FROM message_copies WHERE message_id = 1 AND target = 'telegram' ORDER BY part"),
        ("binding", "SELECT chat_id FROM thread_bindings WHERE conversation_id = 1 AND audience = 'staff'"),
        // The topic tidier's round (when closing quiet topics is on): its window of topics and the new messages' closed topics.
        ("tidy window", "SELECT MAX(conversation_id) FROM (SELECT conversation_id FROM thread_bindings WHERE conversation_id > 1 AND audience = 'staff' AND topic_id IS NOT NULL ORDER BY conversation_id LIMIT 2000)"),
        ("tidy reopened", "SELECT DISTINCT k.conversation_id FROM messages m JOIN workflow_closed k ON k.conversation_id = m.conversation_id WHERE m.id > 1 AND m.id > k.last_message_id"),
    ];

    public static async Task<PlanCheck> RunAsync(DbSession session)
    {
        var details = new List<string>();
        var allSeeks = true;
        foreach (var (name, sql) in Statements)
        {
            var steps = (await session.Connection.QueryAsync<(long Id, long Parent, long NotUsed, string Detail)>($"EXPLAIN QUERY PLAN {sql}", transaction: session.Transaction))
                .Select(r => r.Detail).ToList();
            allSeeks &= !steps.Any(s => s.StartsWith("SCAN ", StringComparison.Ordinal));
            details.Add($"{name}: {string.Join("; ", steps.DefaultIfEmpty("(no table access)"))}");
        }

        return new PlanCheck(allSeeks, string.Join(" | ", details));
    }
}
