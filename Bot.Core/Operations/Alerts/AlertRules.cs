using Bot.Core.Formatting;
using Bot.Core.Logging;
using Bot.Core.Outbox;

namespace Bot.Core.Operations.Alerts;

/// <summary>Which problems need an operator now. Pure: the same snapshot gives the same alerts.</summary>
public static class AlertRules
{
    public const string DeadLetters = "dead-letters";
    public const string MarketplaceAuthorization = "marketplace-authorization";
    public const string MarketplacePolling = "marketplace-polling";
    public const string MarketplaceCallBudget = "marketplace-call-budget";
    public const string MarketplaceConnection = "marketplace-connection";
    public const string StaffChat = "staff-chat";
    public const string Telegram = "telegram";
    public const string TelegramToken = "telegram-token";

    /// <summary>What to do when Telegram answers 401 Unauthorized: retrying cannot fix a revoked or wrong token.</summary>
    public const string TokenRefused =
        "Telegram refuses the bot token (401 Unauthorized): it was revoked or is wrong. Get a new token from @BotFather (/token), set Telegram__BotToken to it and restart the bridge";
    public const string StuckDeliveries = "stuck-deliveries";
    public const string GivenUpUpdates = "given-up-updates";

    public static IReadOnlyList<Alert> Evaluate(BridgeSnapshot s, OutboxItem? latestDead, OperationsOptions o)
    {
        var alerts = new List<Alert>();
        if (s.Outbox.Dead > 0)
        {
            var latest = latestDead is null ? "" : $" Latest: #{latestDead.Id} ({latestDead.Kind}): {Short(latestDead.LastError)}.";
            alerts.Add(new Alert(DeadLetters, "Dead letters",
                $"{Plural.Of(s.Outbox.Dead, "delivery", "deliveries")} given up after their last attempt.{latest} Send /deadletters to list them and /retry <id> (or /retry all) to send them again."));
        }

        // A store not connected yet is refused for that reason alone: its own alert says so with the link, and a second
        // one about the refusal would only repeat it. (An authorization that ended keeps both: the refusal says that
        // polling stopped, the other how to authorize again.)
        var explained = s.MarketplaceAuthorizationNotice is { Reason: "not-connected" };
        if (s.Marketplace.NeedsOperator && !explained)
        {
            alerts.Add(new Alert(MarketplaceAuthorization, "Marketplace refuses the account",
                $"The marketplace refuses the account: {Short(s.Marketplace.LastError)}. Polling has stopped: fix the credentials or permissions, then send /resume."));
        }
        else if (!s.Marketplace.NeedsOperator && !s.Paused && Since(s.Marketplace.FailingSince, s.At) >= o.PollFailureAlertAfter)
        {
            alerts.Add(new Alert(MarketplacePolling, "Marketplace polling fails",
                $"Marketplace polling has failed since {Stamp(s.Marketplace.FailingSince)}: {Short(s.Marketplace.LastError)}."));
        }

        if (s.MarketplaceWarning is { } warning)
        {
            alerts.Add(new Alert(MarketplaceCallBudget, "Marketplace calls over budget", Short(warning)));
        }

        if (s.MarketplaceAuthorizationNotice is { } notice)
        {
            alerts.Add(new Alert($"{MarketplaceConnection}:{notice.Reason}", "Store authorization", notice.Text));
        }

        if (s.StaffChat.NeedsOperator)
        {
            alerts.Add(new Alert(StaffChat, "Staff chat unusable", $"Telegram refuses the staff chat: {Short(s.StaffChat.LastError)}"));
        }

        if (s.Telegram.NeedsOperator)
        {
            alerts.Add(new Alert(TelegramToken, "Telegram refuses the bot token", $"{TokenRefused}. Telegram said: {Short(s.Telegram.LastError)}."));
        }
        else if (Since(s.Telegram.FailingSince, s.At) >= o.TelegramFailureAlertAfter)
        {
            alerts.Add(new Alert(Telegram, "Telegram unreachable",
                $"Telegram has not answered since {Stamp(s.Telegram.FailingSince)}: {Short(s.Telegram.LastError)}."));
        }

        if (!s.Paused && s.Outbox.OldestPendingAge is { } age && age >= o.StuckDeliveryAlertAfter)
        {
            alerts.Add(new Alert(StuckDeliveries, "Deliveries stuck",
                $"{Plural.Of(s.Outbox.Pending, "delivery", "deliveries")} pending; the oldest has waited {Durations.Format(age)}. Telegram or the marketplace keeps refusing sends (see the status page)."));
        }

        if (s.GivenUpUpdates > 0)
        {
            alerts.Add(new Alert(GivenUpUpdates, "Telegram updates given up",
                $"{Plural.Of(s.GivenUpUpdates, "Telegram update", "Telegram updates")} could not be handled in the last day, whatever was tried. Send /updates to see them and /updates retry <id> once the cause is fixed."));
        }

        return alerts;
    }

    private static TimeSpan Since(DateTimeOffset? start, DateTimeOffset now) => start is { } s ? now - s : TimeSpan.MinValue;

    private static string Stamp(DateTimeOffset? at) => at?.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", System.Globalization.CultureInfo.InvariantCulture) ?? "?";

    private static string Short(string? error)
    {
        var text = Secrets.Redact(error);
        return text.Length > 300 ? text[..300] + "…" : text.Length == 0 ? "no details" : text;
    }
}
