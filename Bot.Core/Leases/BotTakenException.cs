namespace Bot.Core.Leases;

/// <summary>Another store uses this store's bot (<see cref="IBotRegistry"/>): the process does not start, in one sentence.
/// Stores may share a bot only within one process of several stores; a holder named <c>shop-a+shop-b</c> is such a
/// process's stores.</summary>
public sealed class BotTakenException(string store, string holder)
    : StoreRefusedException(Sentence(store, holder))
{
    public string Holder { get; } = holder;

    private static string Sentence(string store, string holder)
    {
        var holders = holder.Split('+');
        var who = holders.Length == 1 ? $"Store {holder} already uses" : $"Stores {string.Join(", ", holders[..^1])} and {holders[^1]} already use";
        return $"{who} this bot in another process, so store {store} cannot: stores share a bot only within one process "
            + $"(Stores__Directory); give store {store} its own bot token (Telegram__BotToken), or serve it in the same process.";
    }
}
