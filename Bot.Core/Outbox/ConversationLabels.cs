using System.Collections.Concurrent;
using Bot.Core.Conversations;

namespace Bot.Core.Outbox;

/// <summary>What a delivery's log lines name a conversation by: its kind and marketplace id, which never change. Learned
/// from the reads deliveries make anyway (<see cref="DeliveryRecords"/>) or, where none does, read for the log scope;
/// kept for the next delivery (bounded).</summary>
public sealed class ConversationLabels
{
    private const int Capacity = 50_000;

    private readonly ConcurrentDictionary<long, (ConversationKind? Kind, string? ExternalId)> known = new();

    /// <summary>The conversation's label, when known.</summary>
    public bool TryGet(long conversationId, out (ConversationKind? Kind, string? ExternalId) label) => known.TryGetValue(conversationId, out label);

    /// <summary>Keeps the label of a conversation just read.</summary>
    public void Remember(Conversation conversation) => Remember(conversation.Id, (conversation.Kind, conversation.ExternalId));

    public void Remember(long conversationId, (ConversationKind? Kind, string? ExternalId) label)
    {
        if (known.Count > Capacity)
        {
            known.Clear();
        }

        known[conversationId] = label;
    }
}
