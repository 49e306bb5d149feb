namespace Bot.Core.Operations;

/// <summary>What the parts of the bridge last reported about themselves, for readiness checks, the status page and
/// alerts. Thread-safe; every record carries the time it was made.</summary>
public sealed class BridgeHealth(TimeProvider time)
{
    private readonly Lock gate = new();
    private PartState telegram = PartState.Unknown;
    private PartState marketplace = PartState.Unknown;
    private PartState staffChat = PartState.Unknown;

    public PartState Telegram { get { lock (gate) { return telegram; } } }

    public PartState Marketplace { get { lock (gate) { return marketplace; } } }

    /// <summary>Whether the staff chat is set up as the bridge needs (a forum, the bot an admin that manages topics).</summary>
    public PartState StaffChat { get { lock (gate) { return staffChat; } } }

    /// <summary>A warning about the marketplace that is not a failure (its gateway calls exceed the daily budget), or null.</summary>
    public string? MarketplaceWarning { get; set; }

    /// <summary>What operators must do about the store's authorization (not connected, ending soon, expired), with the
    /// link to authorize; null when nothing. Set by the marketplace adapter; becomes an alert.</summary>
    public AuthorizationNotice? MarketplaceAuthorizationNotice { get; set; }

    /// <summary>True when the operators paused the relay (marketplace polling and outbox delivery).</summary>
    public bool Paused { get; set; }

    public void TelegramSucceeded() => Update(ref telegram, ok: true, null);

    /// <param name="needsOperator">True when retrying cannot help (Telegram refuses the bot token).</param>
    public void TelegramFailed(string error, bool needsOperator = false) => Update(ref telegram, ok: false, error, needsOperator);

    public void MarketplaceSucceeded() => Update(ref marketplace, ok: true, null);

    public void MarketplaceFailed(string error, bool needsOperator) => Update(ref marketplace, ok: false, error, needsOperator);

    public void StaffChatReady() => Update(ref staffChat, ok: true, null);

    public void StaffChatProblem(string problem) => Update(ref staffChat, ok: false, problem, needsOperator: true);

    // A success clears the last error: a fixed problem no longer shows on the page, /status or /readyz.
    private void Update(ref PartState state, bool ok, string? error, bool needsOperator = false)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            state = ok
                ? state with { Ok = true, LastSuccess = now, NeedsOperator = false, FailingSince = null, LastError = null, LastErrorAt = null }
                : state with { Ok = false, LastError = error, LastErrorAt = now, NeedsOperator = needsOperator, FailingSince = state.FailingSince ?? now };
        }
    }
}
