using System.Diagnostics;
using Bot.Benchmarks.Infrastructure;
using Bot.Benchmarks.Reporting;
using Bot.Core.Conversations;
using Bot.Core.MarketplaceRelay;
using Bot.Core.Messages;
using Bot.Core.Outbox;
using Bot.Core.Storage;
using Bot.Core.Workflow;
using Dapper;

namespace Bot.Benchmarks.Scenarios;

/// <summary>Scenario 3a: does the cost per message stay flat as the history grows? The same relay batch and the same
/// lookups on a database holding 10k and 1M relayed messages (10 per conversation).</summary>
public sealed class ScaleScenario(Report report)
{
    private const int RelayBatch = 1_000;
    private const int Lookups = 5_000;
    private const int TidyRounds = 20;

    public async Task RunAsync()
    {
        report.BeginScenario($"3a. Scale: relay {RelayBatch:N0} new messages and {Lookups:N0} lookups of each kind against 10k and 1M stored messages");
        await MeasureAsync(1_000); // Warm-up: JIT and the connection pool, discarded.
        var small = await MeasureAsync(10_000);
        var large = await MeasureAsync(1_000_000);
        Report.Note($"Seeding took {small.SeedSeconds:N1} s (10k) and {large.SeedSeconds:N1} s (1M), one transaction each; database {Report.MiB(large.DatabaseBytes)} at 1M.");
        Add("Relay, per message (ingest + staff post + mark read, unlimited gateway)", small.RelayMicros, large.RelayMicros, large.Plans);
        Add("Reply lookup: stored message of a Telegram message (FindByTelegramCopyAsync)", small.ReplyMicros, large.ReplyMicros, large.Plans);
        Add("Topic lookup: conversation of a staff topic (FindByTopicAsync)", small.TopicMicros, large.TopicMicros, large.Plans);
        Add("Dedup check of a message already seen (TryMarkSeenAsync)", small.DedupMicros, large.DedupMicros, large.Plans);
        report.Add(new Figure(
            $"Topic tidier's round when closing quiet topics is on (reopened among 100 new messages; quiet within a window of {TopicTidier.DefaultTopicsPerRound:N0} topics, none quiet)",
            $"{Report.Micros(large.TidyMicros)} at 1M", $"{Report.Micros(small.TidyMicros)} at 10k (its 1,000 topics in one window); {large.TidyMicros / 60e6:P3} of one core at a round a minute; before windows a round read every topic and message: 569 ms at 1M",
            Report.Verdict(large.TidyMicros < 0.01 * 60e6 && large.Plans.AllSeeks, "target: under 1% of one core at a round a minute (the idle target), index seeks only")));
        Report.Note("Lookups draw keys uniformly at random over the whole history (the worst case for caches); best of 3 rounds.");
        Report.Note("Query plans at 1M: " + large.Plans.Detail);
    }

    // Flat means no step grows with the history: every lookup is an index seek (O(log n)), none scans a table.
    private void Add(string name, double small, double large, PlanCheck plans) =>
        report.Add(new Figure(name, $"{Report.Micros(large)} at 1M", $"{Report.Micros(small)} at 10k; ratio {large / small:N2}",
            Report.Verdict(plans.AllSeeks, "target: flat (index seeks only, no table scan)")));

    private static async Task<ScaleResult> MeasureAsync(long stored)
    {
        var conversations = (int)(stored / 10);
        var gateway = new CountingChatGateway();
        var marketplace = new GeneratedMarketplace(conversations, stored, 100);
        await using var core = await BenchCore.StartAsync(gateway, marketplace, TimeProvider.System, unlimited: true);
        var connections = core.Get<IDbConnectionFactory>();

        var stopwatch = Stopwatch.StartNew();
        await DatabaseSeeder.SeedAsync(connections, stored, conversations);
        var seedSeconds = stopwatch.Elapsed.TotalSeconds;

        // New messages to existing conversations (their topics exist): poll, then deliver everything.
        marketplace.Total = stored + RelayBatch;
        stopwatch.Restart();
        var ingestor = core.Get<MarketplaceIngestor>();
        while (await ingestor.PollOnceAsync(CancellationToken.None))
        {
        }

        await ThroughputScenario.DrainAsync(core.Get<OutboxDispatcher>(), core.Get<IOutboxRepository>());
        var relayMicros = stopwatch.Elapsed.TotalMicroseconds / RelayBatch;
        // Every new message posted once into its conversation's existing topic. A conversation with several new
        // messages (the warm-up's 100 conversations get 10 each) has them merged into fewer sends, as shipped.
        long posted;
        await using (var connection = await connections.OpenAsync(CancellationToken.None))
        {
            posted = await connection.ExecuteScalarAsync<long>(
                "SELECT COUNT(DISTINCT message_id) FROM message_copies WHERE target = 'telegram' AND message_id > @stored", new { stored });
        }

        if (posted != RelayBatch || gateway.Texts is 0 or > RelayBatch || gateway.Topics != 0)
        {
            throw new InvalidOperationException(
                $"Expected {RelayBatch} messages posted into existing topics, saw {posted} posted in {gateway.Texts} sends and {gateway.Topics} new topics.");
        }

        var random = new Random(7);
        var messages = core.Get<IMessageRepository>();
        var conversationsRepo = core.Get<IConversationRepository>();
        await using var session = await DbSession.BeginAsync(connections, CancellationToken.None);
        var reply = await PerLookupAsync(async () =>
        {
            var id = random.Next(1, (int)stored + 1);
            return await messages.FindByTelegramCopyAsync(session, BenchCore.StaffChatId, id) == id;
        });
        var topic = await PerLookupAsync(async () =>
        {
            var id = random.Next(1, conversations + 1);
            return (await conversationsRepo.FindByTopicAsync(session, BenchCore.StaffChatId, id))?.Id == id;
        });
        var dedup = await PerLookupAsync(async () =>
        {
            var i = random.NextInt64(stored);
            return !await messages.TryMarkSeenAsync(session, (i % conversations) + 1, $"m{i}");
        });
        // The topic tidier's round, as it runs every sweep when closing quiet topics is on: the reopened check over the
        // messages of the last round (100 here) and the quiet check over one window of topics, where nothing is quiet
        // (its whole window read). Before windows, a round read every topic and every message: 569 ms at 1M.
        var workflow = core.Get<IWorkflowRepository>();
        var window = Math.Min(TopicTidier.DefaultTopicsPerRound, conversations);
        var tidy = await PerLookupAsync(
            async () =>
            {
                var latest = await workflow.LatestMessageIdAsync(session);
                await workflow.ListReopenedAsync(session, latest - 100);
                var after = random.Next(0, conversations - window + 1);
                var end = await workflow.StaffTopicsWindowEndAsync(session, after, window);
                return end is { } upTo && (await workflow.ListQuietAsync(session, DateTimeOffset.UnixEpoch, after, upTo, TopicTidier.MaxPerRound)).Count == 0;
            },
            TidyRounds);
        var plans = await PlanCheck.RunAsync(session);
        var size = new FileInfo(core.DatabasePath).Length;
        return new ScaleResult(seedSeconds, relayMicros, reply, topic, dedup, tidy, size, plans);
    }

    private static async Task<double> PerLookupAsync(Func<Task<bool>> lookup, int lookups = Lookups)
    {
        for (var i = 0; i < Math.Min(200, lookups); i++)
        {
            await lookup();
        }

        var best = double.MaxValue;
        for (var round = 0; round < 3; round++)
        {
            var stopwatch = Stopwatch.StartNew();
            for (var i = 0; i < lookups; i++)
            {
                if (!await lookup())
                {
                    throw new InvalidOperationException("A lookup found the wrong row.");
                }
            }

            best = Math.Min(best, stopwatch.Elapsed.TotalMicroseconds / lookups);
        }

        return best;
    }

    private sealed record ScaleResult(double SeedSeconds, double RelayMicros, double ReplyMicros, double TopicMicros, double DedupMicros, double TidyMicros, long DatabaseBytes, PlanCheck Plans);
}
