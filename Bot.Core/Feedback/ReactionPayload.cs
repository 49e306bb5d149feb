namespace Bot.Core.Feedback;

/// <summary>What a <see cref="Outbox.OutboxKinds.Reaction"/> does: put <see cref="Emoji"/> on a message, or, where the chat
/// refuses it, reply <see cref="FallbackHtml"/> (escaped HTML; null when another notice already says it).</summary>
public sealed record ReactionPayload(long ChatId, int MessageId, string Emoji, int? TopicId = null, string? FallbackHtml = null);
