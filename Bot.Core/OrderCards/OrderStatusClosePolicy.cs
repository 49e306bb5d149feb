using Bot.Core.Conversations;
using Bot.Core.Storage;
using Bot.Core.Workflow;

namespace Bot.Core.OrderCards;

/// <summary>Closes a quiet topic only when its order is over, as the order card last read it. A conversation whose
/// order state is not known (a pre-order chat, an adapter that cannot tell, a card never refreshed) closes on quiet
/// alone, as before the adapters reported order status.</summary>
public sealed class OrderStatusClosePolicy(IDbConnectionFactory connections, IOrderCardRepository cards) : ITopicClosePolicy
{
    public async Task<bool> MayCloseAsync(long conversationId, CancellationToken cancellationToken)
    {
        await using var session = await DbSession.ReadAsync(connections, cancellationToken);
        return await cards.OrderFinishedAsync(session, conversationId) is not false;
    }
}
