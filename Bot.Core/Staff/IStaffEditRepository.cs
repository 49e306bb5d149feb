using Bot.Core.Storage;

namespace Bot.Core.Staff;

/// <summary>What became of a staff message that was later edited in Telegram, and the one change an edit may make:
/// the text of a reply the marketplace has not received yet.</summary>
public interface IStaffEditRepository
{
    Task<(long? MessageId, StaffEditState State)> FindAsync(DbSession session, long chatId, int messageId);

    /// <summary>Replaces the text of a reply still waiting for its first marketplace send. A send that already read the
    /// old text races this (the window is one delivery attempt); the copy it records then shows what went out.</summary>
    Task ReplaceTextAsync(DbSession session, long messageId, string text);
}
