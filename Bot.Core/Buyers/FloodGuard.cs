using Microsoft.Extensions.Options;

namespace Bot.Core.Buyers;

/// <summary>At most <see cref="BuyerOptions.FloodLimitPerMinute"/> messages per Telegram user in any minute, so one
/// person cannot flood the store's marketplace account. Tells the caller whether to warn (once per minute). Replies to
/// people who are not linked also share <see cref="BuyerOptions.StrangerRepliesPerMinute"/>, so a crowd of strangers
/// cannot grow the outbox without bound either. Invitation codes (/start &lt;code&gt;) have a bucket of their own, so
/// linking does not eat into what a buyer may then write.</summary>
public sealed class FloodGuard(IOptions<BuyerOptions> options, TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly Lock gate = new();
    private readonly Dictionary<long, (Queue<DateTimeOffset> Sends, DateTimeOffset? Warned)> users = [];
    private readonly Dictionary<long, (Queue<DateTimeOffset> Sends, DateTimeOffset? Warned)> linkAttempts = [];
    private readonly Queue<DateTimeOffset> strangerReplies = new();

    public enum Verdict
    {
        Allowed,
        RefusedWarn,
        RefusedQuiet,
    }

    /// <summary>A message from the user (anything but an invitation code).</summary>
    public Verdict Take(long userId) => Take(users, userId);

    /// <summary>An invitation code from the user: counted apart from their messages, with the same limit.</summary>
    public Verdict TakeLinkAttempt(long userId) => Take(linkAttempts, userId);

    private Verdict Take(Dictionary<long, (Queue<DateTimeOffset> Sends, DateTimeOffset? Warned)> bucket, long userId)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            if (!bucket.TryGetValue(userId, out var state))
            {
                state = (new Queue<DateTimeOffset>(), null);
            }

            while (state.Sends.Count > 0 && state.Sends.Peek() <= now - Window)
            {
                state.Sends.Dequeue();
            }

            Verdict verdict;
            if (state.Sends.Count < options.Value.FloodLimitPerMinute)
            {
                state.Sends.Enqueue(now);
                verdict = Verdict.Allowed;
            }
            else if (state.Warned is { } warned && now - warned < Window)
            {
                verdict = Verdict.RefusedQuiet;
            }
            else
            {
                state.Warned = now;
                verdict = Verdict.RefusedWarn;
            }

            bucket[userId] = state;
            if (bucket.Count > 50_000)
            {
                bucket.Clear(); // Bounded memory; the worst case is one more message allowed per user.
            }

            return verdict;
        }
    }

    /// <summary>Takes one reply to someone who is not linked from the shared budget; false when it is spent (then say
    /// nothing: the per-user limit already bounds what one person gets).</summary>
    public bool TakeStrangerReply()
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            while (strangerReplies.Count > 0 && strangerReplies.Peek() <= now - Window)
            {
                strangerReplies.Dequeue();
            }

            if (strangerReplies.Count >= options.Value.StrangerRepliesPerMinute)
            {
                return false;
            }

            strangerReplies.Enqueue(now);
            return true;
        }
    }
}
