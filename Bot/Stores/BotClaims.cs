using System.Globalization;

namespace Bot.Stores;

/// <summary>Which store of this process uses which bot: two stores polling one bot's getUpdates would end each other's
/// calls, so the second is refused in the sentence a second process would get (the database's table of bots does the
/// same across processes on PostgreSQL; SQLite files know nothing of each other).</summary>
internal sealed class BotClaims
{
    private readonly Dictionary<long, string> holders = [];

    /// <summary>The store that already uses the bot of <paramref name="token"/>, or null when <paramref name="store"/> now does.</summary>
    public string? TryClaim(string? token, string store)
    {
        if (BotId(token) is not { } bot)
        {
            return null; // Not a token the bridge accepts: its validator has said so already.
        }

        lock (holders)
        {
            if (holders.TryGetValue(bot, out var holder) && holder != store)
            {
                return holder;
            }

            holders[bot] = store;
            return null;
        }
    }

    public void Release(string store)
    {
        lock (holders)
        {
            foreach (var bot in holders.Where(h => h.Value == store).Select(h => h.Key).ToList())
            {
                holders.Remove(bot);
            }
        }
    }

    /// <summary>The bot's id: the digits before the token's colon.</summary>
    private static long? BotId(string? token) =>
        token?.Split(':')[0] is { } digits && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
