using Bot.Core.Workflow;

namespace Bot.Tests.Workflow;

/// <summary>A wait that an answer ended gives a first-response time, for /metrics and the status page.</summary>
public sealed class FirstResponseTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Thursday1300 = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private WorkflowRig rig = null!;

    public async Task InitializeAsync() => rig = await WorkflowRig.StartAsync(Thursday1300);

    public async Task DisposeAsync() => await rig.DisposeAsync();

    [Fact]
    public async Task StaffAnswers_FirstResponseTimeIsFromTheFirstUnansweredMessage()
    {
        var fast = await rig.BuyerWritesAsync("9001", "Quick one");
        rig.At(Thursday1300.AddMinutes(5));
        await rig.BuyerWritesAsync("9001", "Still there?");
        rig.At(Thursday1300.AddMinutes(10));
        await rig.StaffWritesAsync(fast, "Yes!");
        await rig.StaffWritesAsync(fast, "And one more thing.");
        var slow = await rig.BuyerWritesAsync("9002", "Slow one");
        rig.At(Thursday1300.AddMinutes(70));
        await rig.StaffWritesAsync(slow, "Sorry for the wait.");
        await rig.SweepAsync();

        var times = rig.Harness.Get<FirstResponseTimes>().Drain();
        Assert.Equal([TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(60)], times.Order());
        Assert.Empty(rig.Harness.Get<FirstResponseTimes>().Drain());

        var summary = await rig.Harness.Get<FirstResponseReport>().ReadAsync(CancellationToken.None);
        Assert.Equal(2, summary.Answered);
        Assert.Equal(TimeSpan.FromMinutes(10), summary.Median);
        Assert.Equal(TimeSpan.FromMinutes(60), summary.P90);
        Assert.Equal(0, summary.WaitingNow);
    }

    [Fact]
    public async Task SellerMessageInTheMarketplace_AlsoAnswers()
    {
        await rig.BuyerWritesAsync("9003", "Hello");
        rig.At(Thursday1300.AddMinutes(20));
        rig.Harness.Marketplace.AddSellerMessage("9003", "Answered from the seller center", buyerId: "buyer-9003");
        await rig.Harness.RunAsync();
        await rig.SweepAsync();

        Assert.Equal([TimeSpan.FromMinutes(20)], rig.Harness.Get<FirstResponseTimes>().Drain());
    }
}
