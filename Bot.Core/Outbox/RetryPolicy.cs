using Microsoft.Extensions.Options;

namespace Bot.Core.Outbox;

/// <summary>When a failed delivery is tried again, and when it is given up. An outage is waited out for
/// <see cref="OutboxOptions.RetryFor"/> (a day by default) from its first failure, with back-off doubling from
/// <see cref="OutboxOptions.RetryBaseDelay"/> up to <see cref="OutboxOptions.MaxRetryDelay"/>, so a delivery goes out at
/// most that long after the outage ends; a refusal is given up at once (and one to a person who blocked the bot is
/// settled rather than dead-lettered); an unexpected error after
/// <see cref="OutboxOptions.MaxAttempts"/> attempts.</summary>
public sealed class RetryPolicy(IOptions<OutboxOptions> options)
{
    public RetryDecision Decide(OutboxItem item, FailureKind kind, DateTimeOffset now, TimeSpan? retryAfter = null)
    {
        var o = options.Value;
        var attempts = item.Attempts + 1;
        var failingSince = item.FailingSince ?? now;
        switch (kind)
        {
            case FailureKind.RateLimited:
                // Not the item's fault: wait as told, without spending an attempt.
                return new RetryDecision(false, item.Attempts, now + (retryAfter ?? TimeSpan.FromSeconds(1)), item.FailingSince);
            case FailureKind.ChatMigrated:
                return new RetryDecision(false, item.Attempts, now, item.FailingSince);
            case FailureKind.Permanent:
                return new RetryDecision(true, attempts, now, failingSince);
            case FailureKind.Unreachable:
                return new RetryDecision(true, attempts, now, failingSince, Settle: true);
            case FailureKind.Outage when now - failingSince >= o.RetryFor:
                return new RetryDecision(true, attempts, now, failingSince, $"still failing after {Span(now - failingSince)}");
            case FailureKind.Unexpected when attempts >= o.MaxAttempts:
                return new RetryDecision(true, attempts, now, failingSince, $"{attempts} attempts");
            default:
                return new RetryDecision(false, attempts, now + Backoff(attempts), failingSince);
        }
    }

    /// <summary>The wait after the given number of failed attempts (or failed writes): doubling, capped.</summary>
    public TimeSpan Backoff(int attempts)
    {
        var o = options.Value;
        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 20));
        var delay = TimeSpan.FromMilliseconds(o.RetryBaseDelay.TotalMilliseconds * factor);
        return delay < o.MaxRetryDelay ? delay : o.MaxRetryDelay;
    }

    private static string Span(TimeSpan span) => Bot.Core.Formatting.Durations.Format(span);
}
