namespace Bot.Core.Outbox;

/// <summary>A delivery to enqueue.</summary>
/// <param name="Lane">Items of one lane are delivered strictly in order (one conversation towards one target).</param>
/// <param name="ChatId">The Telegram chat the delivery sends to, for per-chat scheduling; null for marketplace calls.</param>
public sealed record OutboxEntry(string Kind, string Lane, long? ConversationId = null, long? MessageId = null, long? ChatId = null, string? Payload = null);
