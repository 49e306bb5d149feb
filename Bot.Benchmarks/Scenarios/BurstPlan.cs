namespace Bot.Benchmarks.Scenarios;

/// <summary>The burst of scenario 2: messages to topics of the staff supergroup and to private buyer chats, in one
/// arrival order (shuffled with a fixed seed, so both runs see the same sequence).</summary>
public sealed class BurstPlan
{
    public const long StaffChatId = Infrastructure.BenchCore.StaffChatId;
    public const long FirstBuyerChatId = 1_000_001;

    public BurstPlan(int topics, int groupMessages, int buyers, int privateMessages)
    {
        Topics = topics;
        Buyers = buyers;
        var sends = new List<BurstSend>();
        for (var i = 0; i < groupMessages; i++)
        {
            sends.Add(new BurstSend(StaffChatId, i % topics, $"Buyer message {i} in conversation {i % topics}"));
        }

        for (var i = 0; i < privateMessages; i++)
        {
            sends.Add(new BurstSend(FirstBuyerChatId + (i % buyers), null, $"Seller reply {i} to buyer {i % buyers}"));
        }

        var random = new Random(20261126);
        Sends = sends.OrderBy(_ => random.Next()).ToList();
    }

    public int Topics { get; }

    public int Buyers { get; }

    public IReadOnlyList<BurstSend> Sends { get; }

    public int GroupCount => Sends.Count(s => s.ChatId < 0);

    public int PrivateCount => Sends.Count(s => s.ChatId > 0);

    /// <summary>The earliest the last send can go when every send starts at once with empty budgets: per group
    /// <c>limit</c> sends per window, the next batch a window later; likewise per private chat and overall.</summary>
    public TimeSpan TheoreticalMinimum(int groupPerMinute, int privatePerSecond, int globalPerSecond, int extraGroupSends = 0)
    {
        static double Last(int count, int perWindow, double windowSeconds) =>
            count == 0 ? 0 : (Math.Ceiling(count / (double)perWindow) - 1) * windowSeconds;

        var perChat = Sends.GroupBy(s => s.ChatId).Max(g => g.Key < 0
            ? Last(g.Count() + extraGroupSends, groupPerMinute, 60)
            : Last(g.Count(), privatePerSecond, 1));
        return TimeSpan.FromSeconds(Math.Max(perChat, Last(Sends.Count + extraGroupSends, globalPerSecond, 1)));
    }

    /// <summary>The same bound for the private chats alone.</summary>
    public TimeSpan TheoreticalMinimumPrivate(int privatePerSecond, int globalPerSecond)
    {
        var privates = Sends.Where(s => s.ChatId > 0).ToList();
        var perChat = privates.GroupBy(s => s.ChatId).Max(g => Math.Ceiling(g.Count() / (double)privatePerSecond) - 1);
        var global = Math.Ceiling(privates.Count / (double)globalPerSecond) - 1;
        return TimeSpan.FromSeconds(Math.Max(perChat, global));
    }
}
