namespace Bot.Core.Conversations;

/// <summary>The Telegram message showing a conversation's order card in its staff topic.</summary>
/// <param name="TailHtml">The conversation's first messages, sent in the same Telegram message under the card (null when
/// the card was sent alone): an edit of the card re-renders the card and keeps this part.</param>
public sealed record CardMessage(long ConversationId, long ChatId, int MessageId, string? TailHtml);
