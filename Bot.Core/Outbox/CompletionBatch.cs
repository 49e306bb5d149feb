using Bot.Core.Storage;

namespace Bot.Core.Outbox;

/// <summary>Group commit of delivered items: lanes that finish a send while another completion is being written queue
/// theirs, and the next write stores every queued one in one transaction (each under its own savepoint, so one that
/// fails is rolled back and reported alone while the others commit). Nothing waits to be batched: a completion that
/// finds no write under way is written at once. Each caller returns only once its items are committed (or failed), so
/// a lane's next item is never delivered before its predecessor is stored.</summary>
internal sealed class CompletionBatch(IDbConnectionFactory connections, IOutboxRepository store)
{
    private readonly Lock gate = new();
    private readonly List<Completion> queued = [];
    private bool writing;

    /// <summary>Runs each item's <see cref="IDeliveryHandler.OnDeliveredAsync"/> and marks them done, in one transaction
    /// with the completions queued beside it.</summary>
    public Task StoreAsync(IReadOnlyList<OutboxItem> items, IDeliveryHandler handler)
    {
        var completion = new Completion(items, handler);
        bool lead;
        lock (gate)
        {
            queued.Add(completion);
            lead = !writing;
            writing = true;
        }

        if (lead)
        {
            _ = WriteQueuedAsync();
        }

        return completion.Stored.Task;
    }

    private async Task WriteQueuedAsync()
    {
        // The caller goes back to waiting at once. The writes continue where its continuations run: the thread pool in
        // the host, the caller's synchronization context where it has one (a single-threaded simulation sees them as
        // queued work, not as work it cannot account for).
        await Task.Yield();
        while (true)
        {
            List<Completion> batch;
            lock (gate)
            {
                if (queued.Count == 0)
                {
                    writing = false;
                    return;
                }

                batch = [.. queued];
                queued.Clear();
            }

            await WriteAsync(batch);
        }
    }

    private async Task WriteAsync(List<Completion> batch)
    {
        var stored = new List<Completion>(batch.Count);
        try
        {
            await using var session = await DbSession.BeginAsync(connections, CancellationToken.None);
            if (batch.Count == 1)
            {
                // Alone in its transaction: a failure rolls the whole transaction back (below), no savepoint needed.
                await StoreOneAsync(session, batch[0]);
                stored.Add(batch[0]);
            }

            for (var i = 0; i < batch.Count && batch.Count > 1; i++)
            {
                var savepoint = "completion" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await session.Transaction.SaveAsync(savepoint);
                try
                {
                    await StoreOneAsync(session, batch[i]);
                    await session.Transaction.ReleaseAsync(savepoint);
                    stored.Add(batch[i]);
                }
                catch (Exception e)
                {
                    await session.Transaction.RollbackAsync(savepoint);
                    batch[i].Stored.TrySetException(e);
                }
            }

            await session.CommitAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            foreach (var completion in batch)
            {
                completion.Stored.TrySetException(e);
            }

            return;
        }

        foreach (var completion in stored)
        {
            completion.Stored.TrySetResult();
        }
    }

    private async Task StoreOneAsync(DbSession session, Completion completion)
    {
        await completion.Handler.OnDeliveredAsync(session, completion.Items);
        await store.CompleteAsync(session, completion.Items.Select(item => item.Id).ToList());
    }

    private sealed record Completion(IReadOnlyList<OutboxItem> Items, IDeliveryHandler Handler)
    {
        public TaskCompletionSource Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
