using System.Collections.Concurrent;

namespace Bot.Core.Leases;

/// <summary>Leases another instance held when last asked, and when to ask again: a dispatcher round meets the same busy
/// chats again and again, and asks the database about each at most once per <see cref="LeaseOptions.RenewEvery"/>.</summary>
internal sealed class RefusedLeases
{
    private const int MaxRemembered = 10_000;

    private readonly ConcurrentDictionary<string, DateTimeOffset> askAgain = new(StringComparer.Ordinal);

    public bool IsRefused(string name, DateTimeOffset now) => askAgain.TryGetValue(name, out var at) && now < at;

    public void Refused(string name, DateTimeOffset askAgainAt)
    {
        if (askAgain.Count > MaxRemembered)
        {
            askAgain.Clear(); // bounded memory: at worst one more query per busy chat
        }

        askAgain[name] = askAgainAt;
    }

    public void Granted(string name) => askAgain.TryRemove(name, out _);
}
