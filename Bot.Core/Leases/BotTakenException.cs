namespace Bot.Core.Leases;

/// <summary>Another store uses this store's bot (<see cref="IBotRegistry"/>): the process does not start, in one sentence.</summary>
public sealed class BotTakenException(string store, string holder)
    : Exception($"Store {holder} already uses this bot, so store {store} cannot: give each store its own bot token (Telegram__BotToken); one process serving several stores with one bot is not supported yet.")
{
    public string Holder { get; } = holder;
}
