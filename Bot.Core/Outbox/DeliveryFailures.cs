using System.Data.Common;
using System.Net.Sockets;
using System.Text.Json;
using Bot.Core.Chat;
using Bot.Core.Marketplace;

namespace Bot.Core.Outbox;

/// <summary>Sorts a delivery's failure into what to do next. The adapters already map their platform's errors to
/// <see cref="ChatErrorKind"/> and <see cref="MarketplaceErrorKind"/>; what reaches here unmapped is the network's,
/// the database's, or a bug.</summary>
public static class DeliveryFailures
{
    /// <param name="chatId">The chat the delivery sends to, if any (a positive id is a private chat).</param>
    /// <param name="databaseOutage">Whether a database error is the database's trouble rather than the item's
    /// (<see cref="Storage.IDbConnectionFactory.IsOutage"/>); without it every database error is unexpected.</param>
    public static FailureKind Classify(Exception error, long? chatId, Func<DbException, bool>? databaseOutage = null) => error switch
    {
        ChatDeliveryException { Kind: ChatErrorKind.RateLimited } => FailureKind.RateLimited,
        ChatDeliveryException { Kind: ChatErrorKind.ChatMigrated, MigrateToChatId: not null } when chatId is not null => FailureKind.ChatMigrated,
        ChatDeliveryException { Kind: ChatErrorKind.BadRequest } => FailureKind.Permanent,

        // A reaction this chat does not take stays refused. The reaction and notice handlers turn it into text before it
        // gets here; should one escape, it is a refusal, not an outage to wait out for a day.
        ChatDeliveryException { Kind: ChatErrorKind.ReactionInvalid } => FailureKind.Permanent,

        // A private chat refuses the bot when the person blocked it or deleted their account: nothing to wait out and
        // nothing for anyone to fix, so the item is settled, not dead-lettered. Any other refusal of a private chat is
        // one. A group refuses the bot when someone took away its rights: an operator fixes that, and the deliveries wait.
        ChatDeliveryException { Kind: ChatErrorKind.UserBlocked } => FailureKind.Unreachable,
        ChatDeliveryException { Kind: ChatErrorKind.Forbidden } when chatId > 0 => FailureKind.Permanent,
        ChatDeliveryException => FailureKind.Outage,
        MarketplaceException { Kind: MarketplaceErrorKind.Rejected } => FailureKind.Permanent,
        MarketplaceException => FailureKind.Outage,
        DbException e => databaseOutage?.Invoke(e) == true ? FailureKind.Outage : FailureKind.Unexpected,
        HttpRequestException or TimeoutException or OperationCanceledException or IOException or SocketException => FailureKind.Outage,
        InvalidOperationException or JsonException or FormatException => FailureKind.Permanent,
        _ => FailureKind.Unexpected,
    };
}
