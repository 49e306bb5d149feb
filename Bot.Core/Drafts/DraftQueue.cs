using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Bot.Core.Storage;

namespace Bot.Core.Drafts;

/// <summary>Draft requests waiting for the model, so a slow model never holds up the bot's other updates (they are
/// handled one after another). A request is stored when it is accepted and deleted when it is done, so one accepted
/// before a restart or a crash is written after it. Bounded: when staff press faster than the model answers, the press
/// is refused.</summary>
public sealed class DraftQueue(IDbConnectionFactory connections, IDraftRequestRepository requests, TimeProvider time)
{
    public const int Capacity = 16;

    // Only a wake-up: the requests themselves are in the database.
    private readonly Channel<bool> added = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    // Given to the reader and not completed yet: never given twice in a run, even when completing it failed.
    private readonly ConcurrentDictionary<long, bool> given = new();

    /// <summary>Stores the request; false when <see cref="Capacity"/> are already waiting. The writer is not woken: the
    /// caller answers the press first, then calls <see cref="Wake"/> (a fast model's "no draft" line would otherwise reach
    /// the topic before the press's answer).</summary>
    public async Task<bool> TryStoreAsync(DraftRequest request, CancellationToken cancellationToken)
    {
        long? id;
        await using (var session = await DbSession.BeginAsync(connections, cancellationToken))
        {
            id = await requests.AddAsync(session, request, Capacity, time.GetUtcNow());
            await session.CommitAsync(cancellationToken);
        }

        return id is not null;
    }

    /// <summary>Tells the writer that requests were stored.</summary>
    public void Wake() => added.Writer.TryWrite(true);

    /// <summary>Every waiting request, oldest first, those stored before a restart first of all. One reader: it marks each
    /// request done with <see cref="CompleteAsync"/> before it reads the next.</summary>
    public async IAsyncEnumerable<PendingDraft> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (true)
        {
            IReadOnlyList<PendingDraft> waiting;
            await using (var session = await DbSession.ReadAsync(connections, cancellationToken))
            {
                waiting = await requests.PendingAsync(session, Capacity + given.Count);
            }

            var fresh = waiting.Where(p => given.TryAdd(p.Id, true)).ToList();
            if (fresh.Count == 0)
            {
                await added.Reader.ReadAsync(cancellationToken);
                continue;
            }

            foreach (var pending in fresh)
            {
                yield return pending;
            }
        }
    }

    /// <summary>The request is done: deleted (if the writer did not already, with its draft) and forgotten.</summary>
    public async Task CompleteAsync(long id, CancellationToken cancellationToken)
    {
        await using (var session = await DbSession.BeginAsync(connections, cancellationToken))
        {
            await requests.DeleteAsync(session, id);
            await session.CommitAsync(cancellationToken);
        }

        given.TryRemove(id, out _);
    }
}
