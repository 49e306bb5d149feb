namespace Bot.Core.Workflow;

/// <summary>Who has taken a conversation.</summary>
public sealed record Claim(long ConversationId, long UserId, string UserName, DateTimeOffset ClaimedAt);
