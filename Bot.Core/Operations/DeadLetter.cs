namespace Bot.Core.Operations;

/// <summary>A dead letter as operators know it: the marketplace's order or chat id, the buyer and the staff topic,
/// next to the outbox id that /retry takes.</summary>
/// <param name="ConversationKind">"order" or "chat"; null when the delivery belongs to no conversation.</param>
/// <param name="TopicLink">https://t.me/c/… link to the staff topic; null when there is none.</param>
public sealed record DeadLetter(
    long Id,
    string Kind,
    int Attempts,
    string? LastError,
    string? ConversationKind,
    string? ExternalId,
    string? BuyerName,
    string? TopicLink)
{
    /// <summary>"order 3001234567890" or "chat 42"; empty when there is no conversation.</summary>
    public string Conversation => ExternalId is null ? "" : $"{ConversationKind} {ExternalId}";
}
