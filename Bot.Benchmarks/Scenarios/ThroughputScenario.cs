using System.Diagnostics;
using Bot.Benchmarks.Infrastructure;
using Bot.Benchmarks.Reporting;
using Bot.Core.MarketplaceRelay;
using Bot.Core.Outbox;

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

        var bare = await BareInserts.MeasureAsync(Messages, PageSize, Conversations);
        var (ingest, deliver) = await PhasesAsync();
        var endToEnd = await EndToEndAsync(Messages, Conversations);

        report.Add(new Figure("Bare SQLite inserts (1 row/message, 1 transaction per 100, WAL, synchronous=NORMAL)", Report.Rate(bare), "the floor the core is compared with"));
        report.Add(new Figure("Ingest only (PollOnceAsync until drained)", Report.Rate(ingest), $"{bare / ingest:N1}x slower than bare inserts"));
        report.Add(new Figure("Delivery only (DispatchOnceAsync until drained; a staff post per message, a mark-read per burst)", Report.Rate(deliver), "staff post per message + mark-read per conversation burst"));
        report.Add(new Figure(
            "End to end (poller and dispatcher concurrently, until the outbox is empty)",
            Report.Rate(endToEnd),
            $"bare inserts {Report.Rate(bare)}; ratio {bare / endToEnd:N1}x",
            Report.Verdict(endToEnd >= 2_000 && bare / endToEnd <= 5, "target ≥ 2,000 msg/s and within 5x of bare inserts")));
    }

    private static async Task<(double Ingest, double Deliver)> PhasesAsync()
    {
        var gateway = new CountingChatGateway();
        var marketplace = new GeneratedMarketplace(Conversations, Messages, PageSize);
        await using var core = await BenchCore.StartAsync(gateway, marketplace, TimeProvider.System, unlimited: true);
        var ingestor = core.Get<MarketplaceIngestor>();
        var dispatcher = core.Get<OutboxDispatcher>();

        var stopwatch = Stopwatch.StartNew();
        while (await ingestor.PollOnceAsync(CancellationToken.None))
        {
        }

        var ingest = Messages / stopwatch.Elapsed.TotalSeconds;
        stopwatch.Restart();
        await DrainAsync(dispatcher, core.Get<IOutboxRepository>());
        var deliver = Messages / stopwatch.Elapsed.TotalSeconds;
        Check(gateway, marketplace, Messages, Conversations);
        return (ingest, deliver);
    }

    private static async Task<double> EndToEndAsync(int messages, int conversations)
    {
        var gateway = new CountingChatGateway();
        var marketplace = new GeneratedMarketplace(conversations, messages, PageSize);
        await using var core = await BenchCore.StartAsync(gateway, marketplace, TimeProvider.System, unlimited: true);
        var ingestor = core.Get<MarketplaceIngestor>();
        var dispatcher = core.Get<OutboxDispatcher>();
        var store = core.Get<IOutboxRepository>();
        var signal = core.Get<OutboxSignal>();

        var stopwatch = Stopwatch.StartNew();
        var polled = 0;
        var poller = Task.Run(async () =>
        {
            while (await ingestor.PollOnceAsync(CancellationToken.None))
            {
            }

            Volatile.Write(ref polled, 1);
        });
        // The host's OutboxWorker loop: dispatch while there is work, else sleep until signalled (at most 100 ms here).
        var worker = Task.Run(async () =>
        {
            while (true)
            {
                if (await dispatcher.DispatchOnceAsync(CancellationToken.None) > 0)
                {
                    continue;
                }

                if (Volatile.Read(ref polled) == 1 && (await store.GetStatsAsync(CancellationToken.None)).Pending == 0)
                {
                    return;
                }

                await signal.WaitAsync(TimeSpan.FromMilliseconds(100), CancellationToken.None);
            }
        });
        await Task.WhenAll(poller, worker);
        var rate = messages / stopwatch.Elapsed.TotalSeconds;
        Check(gateway, marketplace, messages, conversations);
        return rate;
    }

    internal static async Task DrainAsync(OutboxDispatcher dispatcher, IOutboxRepository store)
    {
        while (await dispatcher.DispatchOnceAsync(CancellationToken.None) > 0 || (await store.GetStatsAsync(CancellationToken.None)).Pending > 0)
        {
        }
    }

    private static void Check(CountingChatGateway gateway, GeneratedMarketplace marketplace, int messages, int conversations)
    {
        // Every message posted once, plus one order card per new topic; every conversation marked read at least once
        // and at most once per message (one mark-read covers the messages relayed while it was pending).
        if (gateway.Texts != messages + conversations || gateway.Topics != conversations || marketplace.MarkedRead < conversations || marketplace.MarkedRead > messages)
        {
            throw new InvalidOperationException(
                $"Relay incomplete: {gateway.Texts} texts, {gateway.Topics} topics, {marketplace.MarkedRead} marked read for {messages} messages.");
        }
    }
}
