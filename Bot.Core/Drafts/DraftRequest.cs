namespace Bot.Core.Drafts;

/// <summary>A press of "✍️ Draft" in a conversation's topic: answer the conversation up to message
/// <paramref name="UpTo"/> (null: its latest), for the person <paramref name="RequestedBy"/>.</summary>
public sealed record DraftRequest(long ConversationId, long ChatId, int? TopicId, int PressedMessageId, long? UpTo, string RequestedBy);
