namespace Bot.Core.Outbox;

/// <summary>Whether this instance may deliver an item now: with several instances on one database, each chat's (or
/// chat-less lane's) deliveries go through one instance at a time, so each goes out once, in order, within its chat's
/// budget. The dispatcher asks before it starts a lane and before each further item of it.</summary>
public interface IDeliveryClaims
{
    ValueTask<bool> TryClaimAsync(OutboxItem item, CancellationToken cancellationToken);
}
