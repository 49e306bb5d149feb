using System.Diagnostics;
using System.Globalization;
using Bot.Benchmarks.Infrastructure;
using Bot.Benchmarks.Reporting;
using Bot.Core.MarketplaceRelay;
using Bot.Core.Outbox;
using Bot.Core.Storage;
using Dapper;

namespace Bot.Benchmarks.Scenarios;

/// <summary>Scenario 1: buyer messages through the whole core path (dedup, conversation upsert, storage, outbox,
/// topic creation, delivery, mark-read follow-up) to a chat gateway without limits, across 1,000 conversations.</summary>
public sealed class ThroughputScenario(Report report)
{
    private const int Conversations = 1_000;
    private const int Messages = 5_000;
    private const int PageSize = 100;

    public async Task RunAsync()
    {
        report.BeginScenario($"1. Relay throughput: {Messages:N0} buyer messages, {Conversations:N0} conversations, marketplace pages of {PageSize}");
        await EndToEndAsync(2_000, Conversations / 10); // Warm-up: JIT, SQLite caches, connection pool.
        await BareInserts.MeasureAsync(2_000, PageSize, Conversations);

        var cpu = Cpu();
        var bare = await BareInserts.MeasureAsync(Messages, PageSize, Conversations);
        var bareCpu = (Cpu() - cpu) / Messages;
        var (ingest, ingestCpu, deliver, deliverCpu, sends) = await PhasesAsync();
        cpu = Cpu();
        var endToEnd = await EndToEndAsync(Messages, Conversations);
        var endToEndCpu = (Cpu() - cpu) / Messages;

        report.Add(new Figure("Bare SQLite inserts (1 row/message, 1 transaction per 100, WAL, synchronous=NORMAL)", Report.Rate(bare), "the floor the core is compared with"));
        report.Add(new Figure("Ingest only (PollOnceAsync until drained)", Report.Rate(ingest), $"{bare / ingest:N1}x slower than bare inserts; processor time per message {Report.Micros(ingestCpu)}"));
        report.Add(new Figure("Delivery only (DispatchOnceAsync until drained)", Report.Rate(deliver), $"{sends:N0} sends to staff for {Messages:N0} messages (merged as shipped) + a mark-read per conversation burst; processor time per message {Report.Micros(deliverCpu)}"));
        report.Add(new Figure(
            "End to end (poller and dispatcher concurrently, until the outbox is empty)",
            Report.Rate(endToEnd),
            $"bare inserts {Report.Rate(bare)}; ratio {bare / endToEnd:N1}x; processor time per message {Report.Micros(endToEndCpu)} (bare inserts {Report.Micros(bareCpu)})",
            Report.Verdict(endToEnd >= 4_000 && bare / endToEnd <= 20, "target ≥ 4,000 msg/s and within 20x of bare inserts")));
    }

    /// <summary>Processor time of the whole process so far, in microseconds: unlike the wall time, it does not depend on
    /// what else the machine runs.</summary>
    internal static double Cpu() => System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalMicroseconds;

    private static async Task<(double Ingest, double IngestCpu, double Deliver, double DeliverCpu, long Sends)> PhasesAsync()
    {
        var gateway = new CountingChatGateway();
        var marketplace = new GeneratedMarketplace(Conversations, Messages, PageSize);
        await using var core = await BenchCore.StartAsync(gateway, marketplace, TimeProvider.System, unlimited: true);
        var ingestor = core.Get<MarketplaceIngestor>();
        var dispatcher = core.Get<OutboxDispatcher>();

        var cpu = Cpu();
        var stopwatch = Stopwatch.StartNew();
        while (await ingestor.PollOnceAsync(CancellationToken.None))
        {
        }

        var ingest = Messages / stopwatch.Elapsed.TotalSeconds;
        var ingestCpu = (Cpu() - cpu) / Messages;
        cpu = Cpu();
        stopwatch.Restart();
        await DrainAsync(dispatcher, core.Get<IOutboxRepository>());
        var deliver = Messages / stopwatch.Elapsed.TotalSeconds;
        var deliverCpu = (Cpu() - cpu) / Messages;
        await CheckAsync(core, gateway, marketplace, Messages, Conversations);
        return (ingest, ingestCpu, deliver, deliverCpu, gateway.Texts);
    }

    internal static async Task<double> EndToEndAsync(int messages, int conversations)
    {
        var gateway = new CountingChatGateway();
        var marketplace = new GeneratedMarketplace(conversations, messages, PageSize);
        await using var core = await BenchCore.StartAsync(gateway, marketplace, TimeProvider.System, unlimited: true);
        var ingestor = core.Get<MarketplaceIngestor>();

        var stopwatch = Stopwatch.StartNew();
        var polled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var poller = Task.Run(async () =>
        {
            while (await ingestor.PollOnceAsync(CancellationToken.None))
            {
            }

            polled.TrySetResult();
        });
        await Task.WhenAll(poller, WorkAsync(core, polled.Task));
        var rate = messages / stopwatch.Elapsed.TotalSeconds;
        await CheckAsync(core, gateway, marketplace, messages, conversations);
        return rate;
    }

    /// <summary>The host's OutboxWorker loop: dispatch while there is work, else sleep until signalled (at most 100 ms
    /// here); it ends once the marketplace is drained (<paramref name="polled"/>) and the outbox is empty.</summary>
    internal static Task WorkAsync(BenchCore core, Task polled)
    {
        var dispatcher = core.Get<OutboxDispatcher>();
        var store = core.Get<IOutboxRepository>();
        var signal = core.Get<OutboxSignal>();
        return Task.Run(async () =>
        {
            while (true)
            {
                if (await dispatcher.DispatchOnceAsync(CancellationToken.None) > 0)
                {
                    continue;
                }

                if (polled.IsCompleted && (await store.GetStatsAsync(CancellationToken.None)).Pending == 0)
                {
                    return;
                }

                await signal.WaitAsync(TimeSpan.FromMilliseconds(100), CancellationToken.None);
            }
        });
    }

    internal static async Task DrainAsync(OutboxDispatcher dispatcher, IOutboxRepository store)
    {
        while (await dispatcher.DispatchOnceAsync(CancellationToken.None) > 0 || (await store.GetStatsAsync(CancellationToken.None)).Pending > 0)
        {
        }
    }

    internal static async Task CheckAsync(BenchCore core, CountingChatGateway gateway, GeneratedMarketplace marketplace, int messages, int conversations)
    {
        // Every message posted once (its own Telegram copy, merged with others of its conversation or not), one topic
        // per conversation, at most one send per message plus its card; every conversation marked read at least once
        // and at most once per message (one mark-read covers the messages relayed while it was pending).
        await using var connection = await core.Get<IDbConnectionFactory>().OpenAsync(CancellationToken.None);
        var (copies, posted) = await connection.QuerySingleAsync<(long, long)>(
            "SELECT COUNT(*), COUNT(DISTINCT message_id) FROM message_copies WHERE target = 'telegram'");
        if (copies != messages || posted != messages || gateway.Texts > messages + conversations || gateway.Topics != conversations ||
            marketplace.MarkedRead < conversations || marketplace.MarkedRead > messages)
        {
            throw new InvalidOperationException(
                $"Relay incomplete: {copies} copies of {posted} messages, {gateway.Texts} texts, {gateway.Topics} topics, {marketplace.MarkedRead} marked read for {messages} messages.");
        }

        // Order within a conversation: the chat platform numbers its messages in the order it took them, so a
        // conversation's messages (in marketplace order) have non-decreasing Telegram ids (merged ones share one).
        var rows = await connection.QueryAsync<(long Conversation, string Marketplace, string Remote)>(
            """
            SELECT m.conversation_id, m.marketplace_message_id, c.remote_message_id
            FROM messages m JOIN message_copies c ON c.message_id = m.id AND c.target = 'telegram'
            """);
        var outOfOrder = rows
            .GroupBy(r => r.Conversation)
            .Count(g => g.OrderBy(r => long.Parse(r.Marketplace.AsSpan(1), CultureInfo.InvariantCulture))
                .Select(r => long.Parse(r.Remote, CultureInfo.InvariantCulture))
                .Zip(g.OrderBy(r => long.Parse(r.Marketplace.AsSpan(1), CultureInfo.InvariantCulture)).Skip(1).Select(r => long.Parse(r.Remote, CultureInfo.InvariantCulture)))
                .Any(p => p.Second < p.First));
        if (outOfOrder > 0)
        {
            throw new InvalidOperationException($"Order broken: {outOfOrder} conversations reached the chat out of marketplace order.");
        }
    }
}
