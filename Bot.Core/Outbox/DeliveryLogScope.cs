using Bot.Core.Conversations;
using Bot.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Bot.Core.Outbox;

/// <summary>The logging scope of one delivery: outbox id, kind, conversation and the marketplace order (or chat) id,
/// so every line logged while it runs, by the dispatcher or a handler, says which order it was about.</summary>
public sealed class DeliveryLogScope(IConversationRepository conversations)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, (ConversationKind? Kind, string? ExternalId)> known = new();

    public async Task<IDisposable?> BeginAsync(ILogger logger, IDbConnectionFactory connections, OutboxItem item, CancellationToken cancellationToken)
    {
        var state = new Dictionary<string, object?> { ["OutboxId"] = item.Id, ["DeliveryKind"] = item.Kind };
        if (item.ConversationId is { } conversationId)
        {
            state["ConversationId"] = conversationId;
            // A conversation's kind and marketplace id never change: remember them (bounded) instead of asking per delivery.
            if (!known.TryGetValue(conversationId, out var row))
            {
                await using (var session = await DbSession.ReadAsync(connections, cancellationToken))
                {
                    row = await conversations.GetKindAndExternalIdAsync(session, conversationId);
                }

                if (known.Count > 50_000)
                {
                    known.Clear();
                }

                known[conversationId] = row;
            }

            if (row.ExternalId is { } externalId)
            {
                state[row.Kind == ConversationKind.Order ? "OrderId" : "MarketplaceChatId"] = externalId;
            }
        }

        return logger.BeginScope(state);
    }
}
