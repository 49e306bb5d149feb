namespace Bot.Core.Leases;

/// <summary>The leases that only one instance may hold at a time.</summary>
public static class LeaseNames
{
    /// <summary>Polling the marketplace (one poller moves the cursor).</summary>
    public const string MarketplacePoll = "marketplace-poll";

    /// <summary>Telegram's getUpdates (a second concurrent call is refused with 409 Conflict).</summary>
    public const string TelegramUpdates = "telegram-updates";

    /// <summary>The order cards' refresh (it reads orders from the marketplace: one instance spends the call budget).</summary>
    public const string OrderCards = "order-cards";

    /// <summary>The workflow's sweep (waits, reminders, the daily digest) and the tidying of quiet topics.</summary>
    public const string Workflow = "workflow";

    /// <summary>Deliveries into one Telegram chat, so its send budget is spent in one instance.</summary>
    public static string Chat(long chatId) => FormattableString.Invariant($"chat:{chatId}");

    /// <summary>Deliveries of a lane that go to no Telegram chat (the marketplace's).</summary>
    public static string Lane(string lane) => $"lane:{lane}";
}
