using Bot.Core.Conversations;
using Bot.Core.Marketplace;
using Bot.Core.Outbox;
using Bot.Core.Storage;

namespace Bot.Core.MarketplaceRelay;

/// <summary>Marks a marketplace conversation on the platform: read once its buyer's message reached staff
/// (<see cref="OutboxKinds.MarketplaceMarkRead"/>), processed once a staff reply to it was accepted
/// (<see cref="OutboxKinds.MarketplaceMarkProcessed"/>).</summary>
public sealed class ConversationMarkHandler(
    string kind,
    Func<IMarketplaceClient, string, ConversationKind, CancellationToken, Task> mark,
    IMarketplaceClient marketplace,
    IDbConnectionFactory connections,
    IConversationRepository conversations,
    ConversationLabels labels) : IDeliveryHandler
{
    public string Kind => kind;

    /// <summary>The marketplace's id and kind are all a mark needs: the conversation's label, which the dispatcher has
    /// read for the delivery's log lines by then (or an earlier delivery did); read here only where it is not known.</summary>
    public async Task DeliverAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        var conversationId = item.ConversationId ?? 0;
        if (!labels.TryGet(conversationId, out var label) || label.Kind is null || label.ExternalId is null)
        {
            await using var session = await DbSession.ReadAsync(connections, cancellationToken);
            label = await conversations.GetKindAndExternalIdAsync(session, conversationId);
        }

        if (label is { Kind: { } conversationKind, ExternalId: { } externalId })
        {
            await mark(marketplace, externalId, conversationKind, cancellationToken);
        }
    }
}
