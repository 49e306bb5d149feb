using Bot.Marketplace;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Marketplace;

/// <summary>When the poller gives the collector's memory back: after a large burst at once, and while idle only once
/// the process allocated enough since the last time: the first idle poll after start at once, then at most once a
/// minute.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class MemoryTrimTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 1, 6, 0, 0, TimeSpan.Zero));
    private long allocated = 50L * 1024 * 1024;
    private int collections;

    private MemoryTrim Create() => new(time, () => allocated, () => collections++);

    [Fact]
    public void IdlePolls_GiveMemoryBack_OnceTwoMiBWereAllocated_TheFirstAtOnce_ThenAtMostOnceAMinute()
    {
        var trim = Create();
        trim.AfterIdlePoll();
        Assert.Equal(0, collections); // nothing allocated since start

        allocated += 3L * 1024 * 1024;
        trim.AfterIdlePoll();
        Assert.Equal(1, collections); // the first idle poll after start: what the start left, at once

        allocated += 3L * 1024 * 1024;
        time.Advance(TimeSpan.FromSeconds(30));
        trim.AfterIdlePoll();
        Assert.Equal(1, collections); // a minute has not passed since

        time.Advance(TimeSpan.FromSeconds(30));
        trim.AfterIdlePoll();
        Assert.Equal(2, collections);
        Assert.Equal(2, trim.Trims);
    }

    [Fact]
    public void IdlePolls_WithLittleAllocated_CollectNothing()
    {
        var trim = Create();
        for (var minute = 0; minute < 30; minute++)
        {
            time.Advance(TimeSpan.FromMinutes(2));
            allocated += 512 * 1024;
            trim.AfterIdlePoll();
        }

        // 15 MiB over an hour: a collection about every 4th poll, each after at least 2 MiB.
        Assert.InRange(collections, 6, 8);
    }

    [Fact]
    public void Burst_OfTwoHundredMessages_GivesMemoryBackAtOnce_ASmallerOneDoesNot()
    {
        var trim = Create();
        trim.AfterBurst(MemoryTrim.BurstThreshold - 1);
        Assert.Equal(0, collections);

        trim.AfterBurst(MemoryTrim.BurstThreshold);
        Assert.Equal(1, collections);
    }
}
