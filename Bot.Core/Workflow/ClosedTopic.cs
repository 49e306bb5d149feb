namespace Bot.Core.Workflow;

/// <summary>A conversation's staff topic closed for quiet, and the newest message it had then.</summary>
public sealed record ClosedTopic(long ConversationId, long ChatId, int TopicId, long LastMessageId);
