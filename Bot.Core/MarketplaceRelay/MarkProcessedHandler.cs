using Bot.Core.Conversations;
using Bot.Core.Marketplace;
using Bot.Core.Outbox;
using Bot.Core.Storage;

namespace Bot.Core.MarketplaceRelay;

/// <summary>Marks a marketplace conversation processed once a staff reply to it was accepted.</summary>
public sealed class MarkProcessedHandler(IMarketplaceClient marketplace, IDbConnectionFactory connections, IConversationRepository conversations) : IDeliveryHandler
{
    public string Kind => OutboxKinds.MarketplaceMarkProcessed;

    public async Task DeliverAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        Conversation? conversation;
        await using (var session = await DbSession.ReadAsync(connections, cancellationToken))
        {
            conversation = await conversations.GetAsync(session, item.ConversationId ?? 0);
        }

        if (conversation is not null)
        {
            await marketplace.MarkProcessedAsync(conversation.ExternalId, conversation.Kind, cancellationToken);
        }
    }
}
