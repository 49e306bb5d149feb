namespace Bot.Core.Drafts;

/// <summary>A drafted reply posted in a staff topic (the Telegram message <paramref name="MessageId"/> of
/// <paramref name="ChatId"/>), waiting for a person to send it.</summary>
public sealed record Draft(long ConversationId, long ChatId, int MessageId, string Text, string RequestedBy);
