namespace Bot.Marketplace.Wildberries;

/// <summary>Section "Marketplace:Wildberries": the store's API token and how the buyer-chat API is called.</summary>
public sealed class WildberriesOptions
{
    public const string SectionName = "Marketplace:Wildberries";

    /// <summary>A Personal (or Service) API token with the Buyers Chat category, read and write. Never logged.</summary>
    public string Token { get; set; } = "";

    /// <summary>A name for the store, stored with every conversation and its poll cursor.</summary>
    public string Account { get; set; } = "store";

    /// <summary>The buyer-chat API's host.</summary>
    public string BaseUrl { get; set; } = "https://buyer-chat-api.wildberries.ru";

    /// <summary>How far back the first poll reads the events feed (later polls carry on from the stored cursor).</summary>
    public TimeSpan StartLookback { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Time between polls of the events feed when the last one found nothing more.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The slowest pace when polls find nothing; unset: 8 × PollInterval, at most 2 minutes.</summary>
    public TimeSpan? IdlePollInterval { get; set; }

    /// <summary>How long after the last new message polls stay at <see cref="PollInterval"/>.</summary>
    public TimeSpan ActiveFor { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Requests a day before operators are warned (projected); 0: no warning.</summary>
    public long DailyCallBudget { get; set; }

    /// <summary>Requests allowed per <see cref="RateWindow"/> (the platform allows 10 per 10 seconds for each chat method).</summary>
    public int RequestsPerWindow { get; set; } = 10;

    public TimeSpan RateWindow { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long before the token's expiry operators are warned (tokens live 180 days).</summary>
    public TimeSpan ExpiryWarning { get; set; } = TimeSpan.FromDays(14);
}
