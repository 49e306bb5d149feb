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
    Func<IMarketplaceClient, Conversation, CancellationToken, Task> mark,
    IMarketplaceClient marketplace,
    IDbConnectionFactory connections,
    IConversationRepository conversations) : IDeliveryHandler
{
    public string Kind => kind;

    public async Task DeliverAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        Conversation? conversation;
        await using (var session = await DbSession.ReadAsync(connections, cancellationToken))
        {
            conversation = await conversations.GetAsync(session, item.ConversationId ?? 0);
        }

        if (conversation is not null)
        {
            await mark(marketplace, conversation, cancellationToken);
        }
    }
}
