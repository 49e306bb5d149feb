namespace Bot.Core.Outbox;

/// <summary>What a failed delivery attempt means for the next one (see <see cref="DeliveryFailures"/>).</summary>
public enum FailureKind
{
    /// <summary>Told to wait (429): retried after the wait, without spending an attempt.</summary>
    RateLimited,

    /// <summary>The group became a supergroup: retried at once under its new id.</summary>
    ChatMigrated,

    /// <summary>The other side refused this request for good: a dead letter at once.</summary>
    Permanent,

    /// <summary>The other side, or the way to it, is down for now (5xx, timeouts, connection errors, an account the
    /// marketplace refuses until an operator fixes it, a busy database): retried with capped back-off for
    /// <see cref="OutboxOptions.RetryFor"/>.</summary>
    Outage,

    /// <summary>The person whose private chat it is blocked the bot (or deleted their account): no retry reaches them
    /// and nobody needs to act, so the item is settled (done, undelivered; the handler hears of it), not a dead letter.</summary>
    Unreachable,

    /// <summary>Anything else, more likely a bug than an outage: retried <see cref="OutboxOptions.MaxAttempts"/> times.</summary>
    Unexpected,
}
