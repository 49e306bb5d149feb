using Bot.Core.Storage;

namespace Bot.Core.Drafts;

/// <summary>The drafts posted in staff topics, found again by their Telegram message when Send is pressed.</summary>
public interface IDraftRepository
{
    Task AddAsync(DbSession session, Draft draft);

    Task<Draft?> FindAsync(DbSession session, long chatId, int messageId);
}
