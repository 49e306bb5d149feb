namespace Bot.Marketplace;

/// <summary>When the collector gives memory back to the system. It keeps the pages it used committed: after a large
/// burst (hundreds of messages stored) they stay resident, and while idle the few KiB a second the loops allocate fill
/// the gen0 budget (about 16 MiB here) before the first collection, so the resident set grows for the first quarter
/// of an hour of idling; the native allocator keeps freed pages too. One aggressive collection and a trim of the
/// native heap (<see cref="Bot.Core.Runtime.MemoryGiveBack"/>) return them: after a burst of <see cref="BurstThreshold"/> or
/// more, and after an idle poll once the process allocated <see cref="IdleAllocationThreshold"/> since the last
/// one, at most once per <see cref="IdleInterval"/> after the first (tens of milliseconds each on this heap). In a
/// process of several stores their pollers share one (the collector is the process's), so the idle trims stay at one
/// per interval however many stores idle.</summary>
internal sealed class MemoryTrim(TimeProvider time, Func<long> allocatedBytes, Action giveBack)
{
    public const int BurstThreshold = 200;
    public const long IdleAllocationThreshold = 2L * 1024 * 1024;
    public static readonly TimeSpan IdleInterval = TimeSpan.FromMinutes(1);

    private readonly Lock gate = new();
    private long allocatedAtLast = allocatedBytes();
    private DateTimeOffset lastAt = time.GetUtcNow();

    public MemoryTrim(TimeProvider time)
        : this(time, () => GC.GetTotalAllocatedBytes(), Bot.Core.Runtime.MemoryGiveBack.Now)
    {
    }

    /// <summary>How many times memory was given back.</summary>
    public int Trims { get; private set; }

    /// <summary>A burst of this many messages was stored and polling has caught up.</summary>
    public void AfterBurst(int messages)
    {
        if (messages >= BurstThreshold)
        {
            lock (gate)
            {
                Trim();
            }
        }
    }

    /// <summary>A poll found nothing new. The first idle poll gives back what the start left (configuration, migrations,
    /// the first calls) at once; later ones at most once per <see cref="IdleInterval"/>.</summary>
    public void AfterIdlePoll()
    {
        lock (gate)
        {
            if ((Trims == 0 || time.GetUtcNow() - lastAt >= IdleInterval) && allocatedBytes() - allocatedAtLast >= IdleAllocationThreshold)
            {
                Trim();
            }
        }
    }

    private void Trim()
    {
        giveBack();
        Trims++;
        allocatedAtLast = allocatedBytes();
        lastAt = time.GetUtcNow();
    }
}
