namespace Bot.Core.Workflow;

/// <summary>Whether a quiet conversation's topic may be closed. The default (<see cref="QuietIsEnough"/>) closes on
/// quiet alone. The hook for order status: a marketplace adapter that knows whether an order is finished registers
/// its own policy (before AddBridgeCore, or replacing this registration) to close only finished orders.</summary>
public interface ITopicClosePolicy
{
    Task<bool> MayCloseAsync(long conversationId, CancellationToken cancellationToken);
}
