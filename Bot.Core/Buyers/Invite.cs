namespace Bot.Core.Buyers;

public sealed class Invite
{
    public long Id { get; set; }

    public long ConversationId { get; set; }

    public string Nonce { get; set; } = "";

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? UsedAt { get; set; }

    public long? UsedByUserId { get; set; }

    /// <summary>When staff withdrew the invitation (/revoke).</summary>
    public DateTimeOffset? RevokedAt { get; set; }
}
