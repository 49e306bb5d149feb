using Bot.Benchmarks.Infrastructure;
using Bot.Core.Outbox;
using Bot.Core.Storage;
using Bot.Tests.Harness;
using Dapper;

namespace Bot.Tests.Outbox;

/// <summary>Completions that queue while another is written are stored together (group commit): every item of every
/// completion is stored, and a completion whose handler fails is rolled back alone while the others commit.</summary>
public sealed class CompletionBatchTests : IAsyncLifetime
{
    private CoreHarness harness = null!;

    private IOutboxRepository Outbox => harness.Get<IOutboxRepository>();

    private IDbConnectionFactory Connections => harness.Get<IDbConnectionFactory>();

    public async Task InitializeAsync() => harness = await CoreHarness.StartAsync(CoreHarness.OnSqlite);

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task CompletionsQueuedBehindAWriter_AreEachStored_WithWhatTheirHandlersRecord()
    {
        var batch = new CompletionBatch(Connections, Outbox);
        var handler = new RecordingHandler();
        var lanes = new List<IReadOnlyList<OutboxItem>>();
        for (var lane = 0; lane < 3; lane++)
        {
            lanes.Add([await EnqueueAsync($"lane-{lane}"), await EnqueueAsync($"lane-{lane}")]);
        }

        Task[] stored;
        using (await Connections.WriterTurnAsync(CancellationToken.None))
        {
            stored = lanes.Select(items => batch.StoreAsync(items, handler)).ToArray();
            Assert.DoesNotContain(stored, s => s.IsCompleted);
        }

        await Task.WhenAll(stored).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Empty(await Outbox.ListAsync(OutboxStatus.Pending, 10, CancellationToken.None));
        Assert.Equal(lanes.SelectMany(l => l).Select(i => i.Id).Order(), handler.Delivered.Order());
    }

    [Fact]
    public async Task CompletionWhoseHandlerFails_IsRolledBackAlone_AndTheOthersAreStored()
    {
        var batch = new CompletionBatch(Connections, Outbox);
        var good = new RecordingHandler();
        var (first, failing, last) = (await EnqueueAsync("lane-a"), await EnqueueAsync("lane-b"), await EnqueueAsync("lane-c"));

        Task firstStored, failingStored, lastStored;
        using (await Connections.WriterTurnAsync(CancellationToken.None))
        {
            firstStored = batch.StoreAsync([first], good);
            failingStored = batch.StoreAsync([failing], new RecordingHandler { FailOn = failing.Id });
            lastStored = batch.StoreAsync([last], good);
        }

        await Task.WhenAll(firstStored, lastStored).WaitAsync(TimeSpan.FromSeconds(10));
        await Assert.ThrowsAsync<InvalidOperationException>(() => failingStored.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal([failing.Id], (await Outbox.ListAsync(OutboxStatus.Pending, 10, CancellationToken.None)).Select(i => i.Id));
        Assert.Equal([failing.Id], (await Outbox.GetDueHeadsAsync(10, CancellationToken.None)).Select(i => i.Id));
    }

    [Fact]
    public async Task CompletionAloneWhoseHandlerFails_LeavesNothingOfIt_NeitherItsRecordsNorItsItemsDone()
    {
        var batch = new CompletionBatch(Connections, Outbox);
        var (first, failing) = (await EnqueueAsync("lane-a"), await EnqueueAsync("lane-a"));

        // The handler records the first item, then fails on the second: what it wrote goes with the rest.
        var stored = batch.StoreAsync([first, failing], new RecordingHandler { FailOn = failing.Id, Writes = true });

        await Assert.ThrowsAsync<InvalidOperationException>(() => stored.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal([first.Id, failing.Id], (await Outbox.ListAsync(OutboxStatus.Pending, 10, CancellationToken.None)).Select(i => i.Id).Order());
        await using var connection = await Connections.OpenAsync(CancellationToken.None);
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM cursors WHERE name LIKE 'completion-test-%'"));

        // The writer is free again, and the next completion is stored.
        await batch.StoreAsync([first, failing], new RecordingHandler()).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Empty(await Outbox.ListAsync(OutboxStatus.Pending, 10, CancellationToken.None));
    }

    [Fact]
    public async Task CompletionStoredUnderTheBenchmarksSimulation_IsWrittenOnItsThread()
    {
        // The benchmarks' one-thread simulation moves its clock only when nothing is queued on it. A write that left
        // for the thread pool went unseen there, and the simulation stopped while the lane waited for it.
        var batch = new CompletionBatch(Connections, Outbox);
        var handler = new RecordingHandler();
        var item = await EnqueueAsync("lane-a");
        using var pump = new SimulationPump(new SimulatedClock(DateTimeOffset.UnixEpoch));

        pump.Run(() => batch.StoreAsync([item], handler));

        Assert.Equal([item.Id], handler.Delivered);
        Assert.Equal([Environment.CurrentManagedThreadId], handler.Threads.Distinct());
        Assert.Empty(await Outbox.ListAsync(OutboxStatus.Pending, 10, CancellationToken.None));
    }

    private async Task<OutboxItem> EnqueueAsync(string lane)
    {
        await using (var session = await DbSession.BeginAsync(Connections, CancellationToken.None))
        {
            await Outbox.EnqueueAsync(session, new OutboxEntry(OutboxKinds.Notice, lane, null, null));
            await session.CommitAsync(CancellationToken.None);
        }

        return (await Outbox.GetDueInLaneAsync(lane, 10, CancellationToken.None))[^1];
    }

    private sealed class RecordingHandler : IDeliveryHandler
    {
        public long? FailOn { get; init; }

        /// <summary>Stores a row for each item it records, in the completion's transaction.</summary>
        public bool Writes { get; init; }

        public List<long> Delivered { get; } = [];

        /// <summary>The thread each record ran on.</summary>
        public List<int> Threads { get; } = [];

        public string Kind => OutboxKinds.Notice;

        public Task DeliverAsync(OutboxItem item, CancellationToken cancellationToken) => Task.CompletedTask;

        public async Task OnDeliveredAsync(DbSession session, OutboxItem item)
        {
            if (item.Id == FailOn)
            {
                throw new InvalidOperationException("the handler's record failed");
            }

            if (Writes)
            {
                await session.Connection.ExecuteAsync(
                    "INSERT INTO cursors (name, value, updated_at) VALUES (@name, 'x', @at)",
                    new { name = $"completion-test-{item.Id}", at = DateTimeOffset.UtcNow }, session.Transaction);
            }

            lock (Delivered)
            {
                Delivered.Add(item.Id);
                Threads.Add(Environment.CurrentManagedThreadId);
            }
        }
    }
}
