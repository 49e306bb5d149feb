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
/// topic creation, delivery, mark-read follow-up) to a chat gateway without limits, across 1,000 conversations. The
/// measurement runs in a child process with the host's runtime settings (<c>Bot.runtimeconfig.json</c>: no tiered
/// compilation, the host's collector), so it measures the code as the bridge runs it, not as this program is
/// configured.</summary>
public sealed class ThroughputScenario(Report report)
{
    public const string ResultPrefix = "THROUGHPUT-RESULT ";

    private const string RoundsPrefix = "End to end, ";

    private const int Conversations = 1_000;
    private const int Messages = 5_000;
    private const int PageSize = 100;

    /// <summary>Runs of every measurement after the warm-up; each figure printed is their median.</summary>
    private const int Repetitions = 3;

    public async Task RunAsync()
    {
        report.BeginScenario($"1. Relay throughput: {Messages:N0} buyer messages, {Conversations:N0} conversations, marketplace pages of {PageSize}");
        var run = await ChildRun.RunAsync(["throughput-child"], ResultPrefix);
        var v = run.Figures;
        var (bare, bareCpu, ingest, ingestCpu, deliver, deliverCpu, sends, endToEnd, endToEndCpu, jitMs, allocated, tiered) =
            (v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11]);
        Report.Note($"Measured in a child process with the host's runtime settings: tiered compilation {(tiered == 1 ? "on" : "off")}; " +
            $"after a warm-up run at full size, each figure the median of {Repetitions} runs; " +
            $"during the end-to-end run {Report.Number(jitMs, 1)} ms of compilation, {Report.Number(allocated / 1024.0, 1)} KiB allocated per message.");
        Report.Note($"Spread over the {Repetitions} runs: end to end {Report.Rate(v[12])} to {Report.Rate(v[13])}, processor time per message " +
            $"{Report.Micros(v[14])} to {Report.Micros(v[15])}; ingest {Report.Micros(v[16])} to {Report.Micros(v[17])}; delivery {Report.Micros(v[18])} to {Report.Micros(v[19])}; " +
            $"bare inserts {Report.Rate(v[20])} to {Report.Rate(v[21])}, so the ratio's own spread is {v[20] / endToEnd:N1}x to {v[21] / endToEnd:N1}x at the median rate.");
        Report.Note(run.Output.Split('\n').LastOrDefault(l => l.StartsWith(RoundsPrefix, StringComparison.Ordinal))?.Trim() ?? "");
        report.Add(new Figure("Bare SQLite inserts (1 row/message, 1 transaction per 100, WAL, synchronous=NORMAL)", Report.Rate(bare), "the floor the core is compared with"));
        report.Add(new Figure("Ingest only (PollOnceAsync until drained)", Report.Rate(ingest), $"{bare / ingest:N1}x slower than bare inserts; processor time per message {Report.Micros(ingestCpu)}; {Busy(ingest, ingestCpu)}"));
        report.Add(new Figure("Delivery only (DispatchOnceAsync until drained)", Report.Rate(deliver), $"{sends:N0} sends to staff for {Messages:N0} messages (merged as shipped) + a mark-read per conversation burst; processor time per message {Report.Micros(deliverCpu)}; {Busy(deliver, deliverCpu)}"));
        report.Add(new Figure(
            "End to end (poller and dispatcher concurrently, until the outbox is empty)",
            Report.Rate(endToEnd),
            $"bare inserts {Report.Rate(bare)}; ratio {bare / endToEnd:N1}x; processor time per message {Report.Micros(endToEndCpu)} (bare inserts {Report.Micros(bareCpu)}); {Busy(endToEnd, endToEndCpu)}",
            Report.Verdict(endToEnd >= 4_000 && bare / endToEnd <= 20, "target ≥ 4,000 msg/s and within 20x of bare inserts")));
        var (unmarked, unmarkedCpu) = (v[22], v[23]);
        report.Add(new Figure(
            "The same, a marketplace with nothing to mark read (Wildberries; AliExpress's IM family or MarkReadAfterRelay off)",
            Report.Rate(unmarked),
            $"no mark-read queued; ratio {bare / unmarked:N1}x; processor time per message {Report.Micros(unmarkedCpu)}; {Busy(unmarked, unmarkedCpu)}"));
    }

    /// <summary>The child: measures and reports every figure on one line.</summary>
    public static async Task<int> RunChildAsync()
    {
        // Every run starts on a new database under the same name: the host keeps one connection string, and the readers
        // Dapper compiles for each query are cached by it, so they are compiled once, in the warm-up, as in the host.
        var directory = Directory.CreateTempSubdirectory("bridge-throughput-").FullName;
        try
        {
            return await MeasureAsync(Path.Combine(directory, "bridge.db"));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<int> MeasureAsync(string databasePath)
    {
        // Warm-up at the measured size: with tiered compilation off every method is compiled on its first call, and
        // some statements (padded id lists) only reach their larger shapes with many conversations due at once.
        await EndToEndAsync(Messages, Conversations, databasePath);
        await BareInserts.MeasureAsync(2_000, PageSize, Conversations);

        var runs = new List<double[]>();
        for (var run = 0; run < Repetitions; run++)
        {
            var cpu = Cpu();
            var bare = await BareInserts.MeasureAsync(Messages, PageSize, Conversations);
            var bareCpu = (Cpu() - cpu) / Messages;
            var (ingest, ingestCpu, deliver, deliverCpu, sends) = await PhasesAsync(databasePath);
            var (endToEnd, endToEndCpu, jitMs, allocatedPerMessage) = await EndToEndAsync(Messages, Conversations, databasePath);
            runs.Add([bare, bareCpu, ingest, ingestCpu, deliver, deliverCpu, sends, endToEnd, endToEndCpu, jitMs, allocatedPerMessage]);
        }

        // The same relay for a marketplace with nothing to mark read (Wildberries; AliExpress's IM family or the setting
        // off): no mark-read is queued, so none is stored or delivered.
        var unmarked = new List<(double Rate, double Cpu)>();
        for (var run = 0; run < Repetitions; run++)
        {
            var (rate, cpu, _, _) = await EndToEndAsync(Messages, Conversations, databasePath, marksRead: false);
            unmarked.Add((rate, cpu));
        }

        var tiered = AppContext.TryGetSwitch("System.Runtime.TieredCompilation", out var on) ? on : true;
        // Each figure's median over the runs, then the lowest and highest end-to-end rate and processor times.
        var figures = Enumerable.Range(0, runs[0].Length).Select(i => Median(runs.Select(r => r[i])))
            .Append(tiered ? 1 : 0)
            .Concat(new[] { 7, 8, 3, 5, 0 }.SelectMany(i => new[] { runs.Min(r => r[i]), runs.Max(r => r[i]) }))
            .Append(Median(unmarked.Select(u => u.Rate)))
            .Append(Median(unmarked.Select(u => u.Cpu)))
            .ToArray();
        Console.WriteLine(ResultPrefix + string.Join(' ', figures.Select(f => f.ToString("R", CultureInfo.InvariantCulture))));
        return 0;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>Processor time of the whole process so far, in microseconds: unlike the wall time, it does not depend on
    /// what else the machine runs.</summary>
    /// <summary>How many cores the run kept busy: processor time over wall time (the rate and the processor time per
    /// message are each the median of the runs).</summary>
    private static string Busy(double rate, double cpuMicrosPerMessage) =>
        $"{rate * cpuMicrosPerMessage / 1_000_000:N2} of {Environment.ProcessorCount} cores busy";

    // The share of the delivery-only phase's wall time in which the writer's turn was held (printed with the end to end).
    private static double? deliveryWriterShare;

    /// <summary>The core's writer turns so far (none on a database other than SQLite).</summary>
    private static (TimeSpan Held, long Turns) WriterHeld(BenchCore core) => Sqlite(core)?.WriterTurnsHeld ?? (TimeSpan.Zero, 0);

    /// <summary>The write-ahead log's background checkpoints so far (none on a database other than SQLite).</summary>
    private static long Checkpoints(BenchCore core) => Sqlite(core)?.Checkpoints.Run ?? 0;

    /// <summary>Pages the writer's turns have appended to the write-ahead log so far (none on a database other than
    /// SQLite).</summary>
    private static long PagesLogged(BenchCore core) => Sqlite(core)?.PagesLogged ?? 0;

    private static Bot.Core.Sqlite.SqliteConnectionFactory? Sqlite(BenchCore core) =>
        core.Get<Bot.Core.Storage.IDbConnectionFactory>() as Bot.Core.Sqlite.SqliteConnectionFactory;

    internal static double Cpu() => System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalMicroseconds;

    private static async Task<(double Ingest, double IngestCpu, double Deliver, double DeliverCpu, long Sends)> PhasesAsync(string databasePath)
    {
        var gateway = new CountingChatGateway();
        var marketplace = new GeneratedMarketplace(Conversations, Messages, PageSize);
        await using var core = await StartAsync(gateway, marketplace, databasePath);
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
        var held = WriterHeld(core);
        stopwatch.Restart();
        await DrainAsync(dispatcher, core.Get<IOutboxRepository>());
        var deliver = Messages / stopwatch.Elapsed.TotalSeconds;
        deliveryWriterShare = (WriterHeld(core).Held - held.Held) / stopwatch.Elapsed;
        var deliverCpu = (Cpu() - cpu) / Messages;
        await CheckAsync(core, gateway, marketplace, Messages, Conversations);
        return (ingest, ingestCpu, deliver, deliverCpu, gateway.Texts);
    }
    /// <summary>A core on a new database at <paramref name="databasePath"/> (what an earlier run left there is deleted).</summary>
    private static Task<BenchCore> StartAsync(CountingChatGateway gateway, GeneratedMarketplace marketplace, string databasePath)
    {
        foreach (var file in new[] { databasePath, databasePath + "-wal", databasePath + "-shm" })
        {
            File.Delete(file);
        }

        return BenchCore.StartAsync(gateway, marketplace, TimeProvider.System, unlimited: true, databasePath);
    }

    /// <returns>Messages a second, and per message: processor time (µs) and bytes allocated; milliseconds spent compiling.</returns>
    internal static async Task<(double Rate, double Cpu, double JitMs, double Allocated)> EndToEndAsync(
        int messages, int conversations, string databasePath, bool marksRead = true)
    {
        var gateway = new CountingChatGateway();
        var marketplace = new GeneratedMarketplace(conversations, messages, PageSize) { MarksRead = marksRead };
        await using var core = await StartAsync(gateway, marketplace, databasePath);
        var ingestor = core.Get<MarketplaceIngestor>();

        var jit = System.Runtime.JitInfo.GetCompilationTime();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var cpu = Cpu();
        var held = WriterHeld(core);
        var checkpoints = Checkpoints(core);
        var pages = PagesLogged(core);
        var stopwatch = Stopwatch.StartNew();
        var polled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var poller = Task.Run(async () =>
        {
            while (await ingestor.PollOnceAsync(CancellationToken.None))
            {
            }

            polled.TrySetResult();
        });
        var work = WorkAsync(core, polled.Task);
        await Task.WhenAll(poller, work);
        var rate = messages / stopwatch.Elapsed.TotalSeconds;
        var cpuPerMessage = (Cpu() - cpu) / messages;
        var (heldAfter, turnsAfter) = WriterHeld(core);
        var (writerShare, turns) = ((heldAfter - held.Held) / stopwatch.Elapsed, turnsAfter - held.Turns);
        var writerTurn = turns == 0 ? "" : $"; the writer's turn held {writerShare:P0} of the wall time ({turns:N0} turns, {(heldAfter - held.Held).TotalMicroseconds / turns:N0} µs each" +
            (deliveryWriterShare is { } alone ? $"; delivery alone {alone:P0})" : ")") + $"; {(PagesLogged(core) - pages) / (double)messages:N2} pages logged per message, {Checkpoints(core) - checkpoints:N0} checkpoints of the log in the background";
        var allocatedPerMessage = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / (double)messages;
        var jitMs = (System.Runtime.JitInfo.GetCompilationTime() - jit).TotalMilliseconds;
        var (rounds, deliveries) = await work;
        // The shipped relay's line is the one the summary notes (the last run with mark-reads).
        Console.WriteLine($"{(marksRead ? RoundsPrefix : "End to end with nothing to mark read, ")}{messages:N0} messages: {rounds:N0} dispatch rounds, {deliveries:N0} deliveries attempted{writerTurn}.");
        await CheckAsync(core, gateway, marketplace, messages, conversations);
        return (rate, cpuPerMessage, jitMs, allocatedPerMessage);
    }

    /// <summary>The host's OutboxWorker loop: dispatch while there is work, else sleep until signalled (at most 100 ms
    /// here); it ends once the marketplace is drained (<paramref name="polled"/>) and the outbox is empty.</summary>
    /// <returns>The dispatch rounds it ran and the deliveries they attempted.</returns>
    internal static Task<(int Rounds, int Deliveries)> WorkAsync(BenchCore core, Task polled)
    {
        var dispatcher = core.Get<OutboxDispatcher>();
        var store = core.Get<IOutboxRepository>();
        var signal = core.Get<OutboxSignal>();
        return Task.Run(async () =>
        {
            var (rounds, deliveries) = (0, 0);
            while (true)
            {
                var attempted = await dispatcher.DispatchOnceAsync(CancellationToken.None);
                rounds++;
                deliveries += attempted;
                if (attempted > 0)
                {
                    continue;
                }

                if (polled.IsCompleted && (await store.GetStatsAsync(CancellationToken.None)).Pending == 0)
                {
                    return (rounds, deliveries);
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
        // and at most once per message (one mark-read covers the messages relayed while it was pending), or never where
        // the marketplace has nothing to mark.
        await using var connection = await core.Get<IDbConnectionFactory>().OpenAsync(CancellationToken.None);
        var (copies, posted) = await connection.QuerySingleAsync<(long, long)>(
            "SELECT COUNT(*), COUNT(DISTINCT message_id) FROM message_copies WHERE target = 'telegram'");
        if (copies != messages || posted != messages || gateway.Texts > messages + conversations || gateway.Topics != conversations ||
            (marketplace.MarksRead ? marketplace.MarkedRead < conversations || marketplace.MarkedRead > messages : marketplace.MarkedRead != 0))
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
