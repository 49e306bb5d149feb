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

    /// <summary>Whether a delivery of <paramref name="sends"/> sends to the chat may start this round, without taking
    /// them: asked before the chat is claimed, so that a chat this instance has no room for is left unclaimed, for an
    /// instance that has. A no closes the chat for the round, as <see cref="TryTake"/>'s would.</summary>
    public bool IsOpen(long chatId, int sends = 1) => Fits(chatId, sends, take: false);

    public bool TryTake(long chatId, int sends) => Fits(chatId, sends, take: true);

    private bool Fits(long chatId, int sends, bool take)
    {
        lock (gate)
        {
            var left = chats.TryGetValue(chatId, out var known) ? known : limiter.RoomFor(chatId);
            var needed = Math.Clamp(sends, 1, limiter.CapacityOf(chatId));
            globalLeft ??= limiter.GlobalRoom();
            chats[chatId] = left;
            if (closed.Contains(chatId) || left < needed || globalLeft < needed)
            {
                // Once one delivery to a chat had to wait, later ones (smaller perhaps) must not overtake it: the
                // chat is done for this round, and the waiting lane, served least recently, goes first next round.
                closed.Add(chatId);
                return false;
            }

            if (take)
            {
                chats[chatId] = left - needed;
                globalLeft -= needed;
            }

            return true;
        }
    }
}
