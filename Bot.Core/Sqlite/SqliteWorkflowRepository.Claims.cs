using Bot.Core.Storage;
using Bot.Core.Workflow;

namespace Bot.Core.Sqlite;

/// <summary>Who has a conversation (<c>/claim</c>, the card's Take and Release).</summary>
internal sealed partial class SqliteWorkflowRepository
{
    private const string UpsertClaim = """
        INSERT INTO workflow_claims (conversation_id, user_id, user_name, claimed_at) VALUES (@ConversationId, @UserId, @UserName, @ClaimedAt)
        ON CONFLICT (conversation_id) DO UPDATE SET user_id = excluded.user_id, user_name = excluded.user_name, claimed_at = excluded.claimed_at
        """;

    private static readonly Statement ClaimOf = new(
        "SELECT user_id, user_name, claimed_at FROM workflow_claims WHERE conversation_id = @conversationId", "@conversationId");

    public Task<Claim?> GetClaimAsync(DbSession session, long conversationId) =>
        ClaimOf.QueryFirstAsync<Claim?>(session, r => new Claim(conversationId, r.GetInt64(0), r.GetString(1), Statement.Time(r, 2)), null, conversationId);

    private static readonly Statement UpsertClaimStatement = new(UpsertClaim, "@ConversationId", "@UserId", "@UserName", "@ClaimedAt");

    private static readonly Statement RemoveClaim = new("DELETE FROM workflow_claims WHERE conversation_id = @conversationId", "@conversationId");

    public Task SetClaimAsync(DbSession session, Claim claim) =>
        UpsertClaimStatement.ExecuteAsync(session, claim.ConversationId, claim.UserId, claim.UserName, claim.ClaimedAt);

    public async Task<bool> RemoveClaimAsync(DbSession session, long conversationId) => await RemoveClaim.ExecuteAsync(session, conversationId) == 1;
}
