namespace Bot.Core.Outbox;

/// <summary>A dead letter as stored, with its conversation (order or chat id, buyer) and staff topic when it has them.</summary>
/// <param name="ConversationKind">"order" or "chat"; null when the delivery belongs to no conversation.</param>
public sealed record StoredDeadLetter(
    long Id,
    string Kind,
    long Attempts,
    string? LastError,
    string? ConversationKind,
    string? ExternalId,
    string? BuyerName,
    long? TopicChatId,
    long? TopicId);
