using Bot.Core.Conversations;
using Bot.Core.Marketplace;
using Bot.Core.Outbox;
using Bot.Core.Storage;

namespace Bot.Core.MarketplaceRelay;

/// <summary>Marks a marketplace conversation read once its buyer's message reached staff.</summary>
public sealed class MarkReadHandler(IMarketplaceClient marketplace, IDbConnectionFactory connections, IConversationRepository conversations) : IDeliveryHandler
{
    public string Kind => OutboxKinds.MarketplaceMarkRead;

    public async Task DeliverAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        Conversation? conversation;
        await using (var session = await DbSession.ReadAsync(connections, cancellationToken))
        {
            conversation = await conversations.GetAsync(session, item.ConversationId ?? 0);
        }

        if (conversation is not null)
        {
            await marketplace.MarkReadAsync(conversation.ExternalId, conversation.Kind, cancellationToken);
        }
    }
}
