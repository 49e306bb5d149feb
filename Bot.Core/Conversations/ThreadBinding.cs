namespace Bot.Core.Conversations;

/// <summary>Where a conversation lives in the chat platform for one audience.</summary>
public sealed record ThreadBinding(long ConversationId, Audience Audience, long ChatId, int? TopicId);
