using Bot.Core.Chat;

namespace Bot.Core.Outbox;

/// <summary>The sends each chat may still make in one dispatch round, taken before a delivery starts, as many as the
/// delivery says it needs (a new topic needs three: the topic, its card, the post). Deliveries that fit the room never
/// wait inside the limiter, so a round never holds a slot idle while one chat's budget refills. The overall budget is
/// shared: what one chat takes this round, no other chat can, so several chats' rooms never add up past it.</summary>
internal sealed class RoundBudget(ChatRateLimiter limiter)
{
    private readonly Lock gate = new();
    private readonly Dictionary<long, int> chats = [];
    private readonly HashSet<long> closed = [];
    private int? globalLeft;

    /// <summary>Whether anything more may start for the chat this round (no estimate needed to say no).</summary>
    public bool IsOpen(long chatId)
    {
        lock (gate)
        {
            if (closed.Contains(chatId))
            {
                return false;
            }

            if (!chats.TryGetValue(chatId, out var left))
            {
                left = limiter.RoomFor(chatId);
                chats[chatId] = left;
            }

            return left > 0;
        }
    }

    public bool TryTake(long chatId, int sends)
    {
        lock (gate)
        {
            var left = chats.TryGetValue(chatId, out var known) ? known : limiter.RoomFor(chatId);
            var needed = Math.Clamp(sends, 1, limiter.CapacityOf(chatId));
            globalLeft ??= limiter.GlobalRoom();
            if (closed.Contains(chatId) || left < needed || globalLeft < needed)
            {
                // Once one delivery to a chat had to wait, later ones (smaller perhaps) must not overtake it: the
                // chat is done for this round, and the waiting lane, served least recently, goes first next round.
                chats[chatId] = left;
                closed.Add(chatId);
                return false;
            }

            chats[chatId] = left - needed;
            globalLeft -= needed;
            return true;
        }
    }
}
