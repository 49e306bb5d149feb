using Bot.Core.Storage;

namespace Bot.Core.Buyers;

public interface IInviteRepository
{
    Task<long> CreateAsync(DbSession session, long conversationId, string nonce, string codeHash, string? createdBy, DateTimeOffset now, DateTimeOffset expiresAt);

    Task<Invite?> FindByHashAsync(DbSession session, string codeHash);

    Task<Invite?> GetAsync(DbSession session, long id);

    /// <summary>Marks the invite used; false when someone used it first (single use even under races).</summary>
    Task<bool> TryUseAsync(DbSession session, long id, long userId, DateTimeOffset now);

    /// <summary>Withdraws the conversation's invitations that are neither used nor expired; returns how many.</summary>
    Task<int> RevokeOpenAsync(DbSession session, long conversationId, DateTimeOffset now);

    /// <summary>Deletes up to <paramref name="limit"/> invitations that expired before <paramref name="before"/>, used or
    /// not: a code that old is refused either way.</summary>
    Task<int> PruneExpiredAsync(DbSession session, DateTimeOffset before, int limit);
}
