using System.Text.Json.Nodes;
using Bot.Testing.BotApi.Json;

namespace Bot.Testing.BotApi;

/// <summary>The updates Telegram holds for a bot: ids in increasing order, allowed_updates, confirmation by offset
/// and 24-hour retention. Not thread-safe: <see cref="UpdateQueue"/> calls it under its lock.</summary>
internal sealed class UpdateBacklog(TimeProvider time)
{
    // Telegram leaves these out unless allowed_updates asks for them.
    private static readonly HashSet<string> OptIn = new(StringComparer.Ordinal) { "chat_member", "message_reaction", "message_reaction_count" };

    private readonly List<PendingUpdate> pending = [];
    private HashSet<string> allowed = [];
    private long nextUpdateId = 100_001;

    public int Count => pending.Count;

    /// <summary>Adds an update of <paramref name="type"/> made by <paramref name="make"/> from its new id; null when
    /// allowed_updates filters the type out.</summary>
    public long? Add(string type, Func<long, PendingUpdate> make)
    {
        if (allowed.Count > 0 ? !allowed.Contains(type) : OptIn.Contains(type))
        {
            return null;
        }

        var id = nextUpdateId++;
        pending.Add(make(id));
        return id;
    }

    public void Allow(IReadOnlyList<string> types) => allowed = new HashSet<string>(types, StringComparer.Ordinal);

    public void Confirm(long offset)
    {
        if (offset > 0)
        {
            // The Bot API server (td's TQueue) refuses an offset more than 10 above its next id, or 2,000,000 below
            // it, and answers from the start of its queue instead, confirming nothing: after restarted ids a bot's old,
            // higher offset still gets the new updates. Inside that window older updates are confirmed (dropped).
            if (offset > nextUpdateId + 10 || offset < nextUpdateId - 2_000_000)
            {
                return;
            }

            pending.RemoveAll(u => u.UpdateId < offset);
        }
        else if (offset < 0)
        {
            var keep = (int)Math.Min(-offset, pending.Count);
            pending.RemoveRange(0, pending.Count - keep);
        }
    }

    public JsonArray Take(int limit)
    {
        var expired = time.GetUtcNow() - TimeSpan.FromHours(24);
        pending.RemoveAll(u => u.CreatedAt <= expired);
        return new JsonArray(pending.Take(limit).Select(u => u.Raw is { } raw ? JsonValue.Create(new RawJsonText(raw)) : u.Json.DeepClone()).ToArray());
    }

    /// <summary>Like Telegram after a week without updates: the next update gets <paramref name="firstId"/> (Telegram
    /// picks it at random), typically far below the offset a bot has stored. Only an empty queue restarts.</summary>
    public void RestartIds(long firstId)
    {
        if (pending.Count > 0)
        {
            throw new InvalidOperationException("Telegram restarts update ids only after a quiet week: confirm the pending updates first.");
        }

        nextUpdateId = firstId;
    }
}
