using Bot.Core.Outbox;

namespace Bot.Core.Operations;

/// <summary>The bridge at one moment: what the status page, /status, the metrics and the alert rules read.</summary>
/// <param name="GivenUpUpdates">Telegram updates given up on in the last day (parked, every retry failed).</param>
/// <param name="MarketplaceNotice">What the marketplace adapter wants operators to know first (a demo says so).</param>
/// <param name="MarketplaceWarning">A marketplace warning that is not a failure (calls over the daily budget).</param>
/// <param name="MarketplaceAuthorizationNotice">See <see cref="BridgeHealth.MarketplaceAuthorizationNotice"/>.</param>
/// <param name="PollLag">Time since the last successful marketplace poll (since start when there was none).</param>
public sealed record BridgeSnapshot(
    DateTimeOffset At,
    PartState Telegram,
    PartState Marketplace,
    PartState StaffChat,
    bool Paused,
    OutboxStats Outbox,
    TimeSpan PollLag,
    long Delivered,
    long Failures,
    long DeadLettersCounted,
    long RateLimited,
    long GivenUpUpdates = 0,
    string? MarketplaceNotice = null,
    string? MarketplaceWarning = null,
    AuthorizationNotice? MarketplaceAuthorizationNotice = null);
