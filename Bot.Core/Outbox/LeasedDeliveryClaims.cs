using Bot.Core.Leases;

namespace Bot.Core.Outbox;

/// <summary>Claims deliveries by leases: an item with a chat by its chat's (the chat's send budget stays in one
/// instance), one without by its lane's. A claim held and not near its end costs no query; the renewal keeps the claims
/// in use, and one unused for a minute lapses. On SQLite (one instance) every claim is granted at once.</summary>
internal sealed class LeasedDeliveryClaims(InstanceLeases leases) : IDeliveryClaims
{
    public ValueTask<bool> TryClaimAsync(OutboxItem item, CancellationToken cancellationToken) =>
        !leases.Shared
            ? ValueTask.FromResult(true)
            : leases.TryHoldAsync(item.ChatId is { } chat ? LeaseNames.Chat(chat) : LeaseNames.Lane(item.Lane), cancellationToken);
}
