namespace Bot.Core.Conversations;

/// <summary>The Telegram message showing a conversation's order card in its staff topic.</summary>
/// <param name="TailHtml">The conversation's first messages, sent in the same Telegram message under the card (null when
/// the card was sent alone): an edit of the card re-renders the card and keeps this part.</param>
/// <param name="FactsHtml">What the marketplace last said about the order, as the card shows it under its head (null:
/// never read): an edit for another reason (a claim) shows the same facts again.</param>
public sealed record CardMessage(long ConversationId, long ChatId, int MessageId, string? TailHtml, string? FactsHtml = null);
