using Bot.Core.Storage;

namespace Bot.Core.Drafts;

/// <summary>The draft requests accepted from staff and not written yet, kept across a restart.</summary>
public interface IDraftRequestRepository
{
    /// <summary>Stores the request unless <paramref name="capacity"/> are already waiting; its id, or null when refused.</summary>
    Task<long?> AddAsync(DbSession session, DraftRequest request, int capacity, DateTimeOffset now);

    /// <summary>Up to <paramref name="limit"/> waiting requests, oldest first.</summary>
    Task<IReadOnlyList<PendingDraft>> PendingAsync(DbSession session, int limit);

    /// <summary>The request is done (its draft or the line saying why there is none was posted, or it failed).</summary>
    Task DeleteAsync(DbSession session, long id);
}
