using Bot.Core.Buyers;
using Bot.Core.Storage;
using Dapper;

namespace Bot.Core.Sqlite;

/// <summary>The SQLite <see cref="IInviteRepository"/>.</summary>
internal sealed class SqliteInviteRepository : IInviteRepository
{
    public Task<long> CreateAsync(DbSession session, long conversationId, string nonce, string codeHash, string? createdBy, DateTimeOffset now, DateTimeOffset expiresAt) =>
        session.Connection.ExecuteScalarAsync<long>(
            """
            INSERT INTO buyer_invites (conversation_id, nonce, code_hash, created_by, created_at, expires_at)
            VALUES (@conversationId, @nonce, @codeHash, @createdBy, @now, @expiresAt)
            RETURNING id
            """,
            new { conversationId, nonce, codeHash, createdBy, now, expiresAt },
            session.Transaction);

    public Task<Invite?> FindByHashAsync(DbSession session, string codeHash) =>
        session.Connection.QuerySingleOrDefaultAsync<Invite?>(
            """
            SELECT id, conversation_id AS ConversationId, nonce, expires_at AS ExpiresAt, used_at AS UsedAt, used_by_user_id AS UsedByUserId,
                   revoked_at AS RevokedAt
            FROM buyer_invites WHERE code_hash = @codeHash
            """,
            new { codeHash },
            session.Transaction);

    public Task<Invite?> GetAsync(DbSession session, long id) =>
        session.Connection.QuerySingleOrDefaultAsync<Invite?>(
            "SELECT id, conversation_id AS ConversationId, nonce, expires_at AS ExpiresAt, used_at AS UsedAt FROM buyer_invites WHERE id = @id",
            new { id },
            session.Transaction);

    public async Task<bool> TryUseAsync(DbSession session, long id, long userId, DateTimeOffset now) =>
        await session.Connection.ExecuteAsync(
            "UPDATE buyer_invites SET used_at = @now, used_by_user_id = @userId WHERE id = @id AND used_at IS NULL AND revoked_at IS NULL",
            new { id, userId, now },
            session.Transaction) == 1;

    public Task<int> RevokeOpenAsync(DbSession session, long conversationId, DateTimeOffset now) =>
        session.Connection.ExecuteAsync(
            "UPDATE buyer_invites SET revoked_at = @now WHERE conversation_id = @conversationId AND used_at IS NULL AND revoked_at IS NULL AND expires_at > @now",
            new { conversationId, now },
            session.Transaction);

    // Retention runs it an hour apart, idle or not: a statement, so that idling never loads Dapper.
    private static readonly Statement PruneExpired = new(
        "DELETE FROM buyer_invites WHERE id IN (SELECT id FROM buyer_invites WHERE expires_at < @before LIMIT @limit)", "@before", "@limit");

    public Task<int> PruneExpiredAsync(DbSession session, DateTimeOffset before, int limit) => PruneExpired.ExecuteAsync(session, before, limit);
}
