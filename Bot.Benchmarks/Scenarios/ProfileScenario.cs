using System.Diagnostics;
using Bot.Benchmarks.Infrastructure;
using Bot.Benchmarks.Reporting;
using Bot.Core.Conversations;
using Bot.Core.MarketplaceRelay;
using Bot.Core.Messages;
using Bot.Core.Outbox;
using Bot.Core.Storage;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Benchmarks.Scenarios;

/// <summary>Diagnostics behind scenario 1: what each step of the relay path costs, so a slow figure can be
/// explained. Not part of the default run.</summary>
public sealed class ProfileScenario(Report report)
{
    private const int Conversations = 1_000;
    private const int Messages = 20_000;

    public async Task RunAsync()
    {
        report.BeginScenario("Profile: cost of each step of the relay path");
        var gateway = new CountingChatGateway();
        var marketplace = new GeneratedMarketplace(Conversations, Messages, 100);
        await using var core = await BenchCore.StartAsync(gateway, marketplace, TimeProvider.System, unlimited: true);
        var connections = core.Get<IDbConnectionFactory>();

        report.Add(new Figure("Open a pooled connection (with the factory's PRAGMAs)", Report.Micros(await PerCallAsync(2_000, async () =>
        {
            await using var c = await connections.OpenAsync(CancellationToken.None);
        })), Allocated()));
        report.Add(new Figure("Begin and commit an empty DbSession", Report.Micros(await PerCallAsync(2_000, async () =>
        {
            await using var s = await DbSession.BeginAsync(connections, CancellationToken.None);
            await s.CommitAsync(CancellationToken.None);
        })), Allocated()));

        var conversations = core.Get<IConversationRepository>();
        var messages = core.Get<IMessageRepository>();
        var outbox = core.Get<IOutboxRepository>();
        await using (var session = await DbSession.BeginAsync(connections, CancellationToken.None))
        {
            var i = 0;
            report.Add(new Figure("IConversationRepository.UpsertAsync", Report.Micros(await PerCallAsync(2_000, () =>
                conversations.UpsertAsync(session, "bench", "p", ConversationKind.Order, $"o{i++ % Conversations}", "b", "Buyer", new OrderCard("o"), null))), Allocated()));
            var j = 0;
            report.Add(new Figure("IMessageRepository.TryMarkSeenAsync", Report.Micros(await PerCallAsync(2_000, () =>
                messages.TryMarkSeenAsync(session, 1, $"x{j++}"))), Allocated()));
            report.Add(new Figure("IMessageRepository.InsertAsync", Report.Micros(await PerCallAsync(2_000, () =>
                messages.InsertAsync(session, new NewMessage(1, MessageOrigin.Marketplace, AuthorRole.Buyer, "Buyer", "Hello there", [], $"y{j++}")))), Allocated()));
            report.Add(new Figure("IOutboxRepository.EnqueueAsync", Report.Micros(await PerCallAsync(2_000, () =>
                outbox.EnqueueAsync(session, new OutboxEntry(OutboxKinds.MarketplaceMarkRead, "lane:x", 1, null)))), Allocated()));
            await session.Connection.ExecuteAsync("DELETE FROM outbox; DELETE FROM outbox_heads", transaction: session.Transaction);
        }

        var translator = core.Get<Bot.Core.Translation.ITranslationService>();
        var phrase = 0;
        string[] phrases = ["Hello, when will my order ship? I paid three days ago.", "The package arrived but one item is missing."];
        report.Add(new Figure("ITranslationService.TranslateAsync (staff language, no provider: detection only)", Report.Micros(await PerCallAsync(2_000, () =>
            translator.TranslateAsync(phrases[phrase++ % 2], null, "en", CancellationToken.None))), Allocated()));

        var ingestor = core.Get<MarketplaceIngestor>();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        while (await ingestor.PollOnceAsync(CancellationToken.None))
        {
        }

        Report.Note($"Ingest of {Messages:N0} messages: {(GC.GetTotalAllocatedBytes(precise: true) - before) / 1024.0 / Messages:N1} KiB allocated per message");
        var pending = (await outbox.GetStatsAsync(CancellationToken.None)).Pending;
        report.Add(new Figure($"IOutboxRepository.GetDueHeadsAsync(500) with {pending:N0} pending", Report.Micros(await PerCallAsync(50, () =>
            outbox.GetDueHeadsAsync(500, CancellationToken.None))), Allocated()));
        report.Add(new Figure($"IOutboxRepository.GetNextDueAsync with {pending:N0} pending", Report.Micros(await PerCallAsync(50, () =>
            outbox.GetNextDueAsync(CancellationToken.None))), Allocated()));
        await using (var c = await connections.OpenAsync(CancellationToken.None))
        {
            var plan = await c.QueryAsync<(long Id, long Parent, long NotUsed, string Detail)>("""
                EXPLAIN QUERY PLAN SELECT id FROM outbox
                WHERE id IN (SELECT outbox_id FROM outbox_heads WHERE next_attempt_at <= @now)
                ORDER BY id LIMIT 500
                """.Replace("@now", "'9999'", StringComparison.Ordinal));
            Report.Note("GetDueHeadsAsync plan: " + string.Join(" / ", plan.Select(p => p.Detail)));
        }

        var dispatcher = core.Get<OutboxDispatcher>();
        before = GC.GetTotalAllocatedBytes(precise: true);
        var rounds = 0;
        var attempted = 0;
        var stopwatch = Stopwatch.StartNew();
        while (rounds < 200)
        {
            attempted += await dispatcher.DispatchOnceAsync(CancellationToken.None);
            rounds++;
        }

        report.Add(new Figure("DispatchOnceAsync round (first 200 rounds)", Report.Micros(stopwatch.Elapsed.TotalMicroseconds / rounds), $"{attempted / (double)rounds:N1} items per round (MaxParallelDeliveries 8); {(GC.GetTotalAllocatedBytes(precise: true) - before) / 1024.0 / attempted:N1} KiB allocated per item"));
        await CountStatementsAsync();
    }

    /// <summary>What scenario 1's end-to-end run asks of SQLite per message: connections, transactions, statements.</summary>
    private async Task CountStatementsAsync()
    {
        const int messages = 5_000;
        StatementCounter? counter = null;
        var gateway = new CountingChatGateway();
        var marketplace = new GeneratedMarketplace(Conversations, messages, 100);
        await using var core = await BenchCore.StartAsync(gateway, marketplace, TimeProvider.System, unlimited: true, afterCore: services =>
            services.AddSingleton<IDbConnectionFactory>(sp => counter = new StatementCounter(
                new Bot.Core.Sqlite.SqliteConnectionFactory(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<StorageOptions>>()))));
        counter = (StatementCounter)core.Get<IDbConnectionFactory>();
        counter.Reset();
        var ingestor = core.Get<MarketplaceIngestor>();
        while (await ingestor.PollOnceAsync(CancellationToken.None))
        {
        }

        Report.Note($"Ingest, per message: {counter.Opens / (double)messages:N2} connections, {counter.Writes / (double)messages:N2} write and {counter.Reads / (double)messages:N2} read transactions, {counter.Statements.Values.Sum() / (double)messages:N2} statements");
        Top(counter, messages);
        counter.Reset();
        await ThroughputScenario.DrainAsync(core.Get<OutboxDispatcher>(), core.Get<IOutboxRepository>());
        Report.Note($"Delivery, per message: {counter.Opens / (double)messages:N2} connections, {counter.Writes / (double)messages:N2} write and {counter.Reads / (double)messages:N2} read transactions, {counter.Statements.Values.Sum() / (double)messages:N2} statements; {gateway.Texts} sends");
        Top(counter, messages);
    }

    private static void Top(StatementCounter counter, int messages)
    {
        foreach (var (sql, count) in counter.Statements.OrderByDescending(s => s.Value).Take(30))
        {
            Report.Note($"  {count / (double)messages,6:N2}  {sql}");
        }
    }

    private static double lastAllocated;

    /// <summary>Bytes allocated per call by the last <see cref="PerCallAsync"/>.</summary>
    private static string Allocated() => $"{lastAllocated:N0} bytes allocated per call";

    private static async Task<double> PerCallAsync(int count, Func<Task> call)
    {
        await call();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            await call();
        }

        var micros = stopwatch.Elapsed.TotalMicroseconds / count;
        lastAllocated = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / (double)count;
        return micros;
    }
}
