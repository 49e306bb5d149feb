using Bot.Core.Storage;

namespace Bot.Core.Drafts;

/// <summary>The drafts posted in staff topics, found again by their Telegram message when Send is pressed.</summary>
public interface IDraftRepository
{
    Task AddAsync(DbSession session, Draft draft);

    Task<Draft?> FindAsync(DbSession session, long chatId, int messageId);

    /// <summary>Deletes up to <paramref name="limit"/> drafts made before <paramref name="before"/>; returns how many.</summary>
    Task<int> PruneAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken);
}
