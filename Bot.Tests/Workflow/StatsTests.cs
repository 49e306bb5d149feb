using Bot.Core.Chat;
using Bot.Core.Routing;
using Bot.Tests.Harness;

namespace Bot.Tests.Workflow;

/// <summary>/stats in the general topic: conversations answered and the median first response, per person and for the
/// team, this week and last.</summary>
public sealed class StatsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Thursday1300 = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Monday1000 = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
    private WorkflowRig rig = null!;

    public async Task InitializeAsync() => rig = await WorkflowRig.StartAsync(Thursday1300);

    public async Task DisposeAsync() => await rig.DisposeAsync();

    private async Task AnsweredAsync(string order, DateTimeOffset at, TimeSpan after, long userId, string name)
    {
        rig.At(at);
        var topic = await rig.BuyerWritesAsync(order, "Question " + order);
        rig.At(at + after);
        await rig.StaffWritesAsync(topic, "Answer " + order, userId, name);
        await rig.SweepAsync();
    }

    [Fact]
    public async Task Stats_ShowThisWeekAndLast_PerPersonAndTeam()
    {
        await AnsweredAsync("7101", Thursday1300, TimeSpan.FromMinutes(10), 42, "Sam");
        await AnsweredAsync("7102", Thursday1300.AddMinutes(15), TimeSpan.FromMinutes(30), 43, "Ann");
        await AnsweredAsync("7103", Monday1000, TimeSpan.FromMinutes(20), 42, "Sam");
        await AnsweredAsync("7104", Monday1000.AddHours(1), TimeSpan.FromMinutes(40), 42, "Sam");
        rig.At(Monday1000.AddDays(1));

        var stats = new IncomingChatMessage(900, CoreHarness.StaffChatId, ChatType.Supergroup, 900, null, false, 42, "Sam", false, "en", "/stats", null, null, false, Monday1000.AddDays(1));
        await rig.Harness.Get<IChatUpdateHandler>().HandleMessageAsync(stats, CancellationToken.None);
        await rig.Harness.DrainAsync();

        var text = Assert.Single(rig.GeneralTopic()).Html;
        Assert.Equal(
            """
            📊 <b>Answers</b>

            <b>This week</b> (from Mon 30 Nov): team 2 conversations answered, median first response 20 min
            • Sam: 2 conversations answered, median first response 20 min

            <b>Last week</b> (from Mon 23 Nov): team 2 conversations answered, median first response 10 min
            • Ann: 1 conversation answered, median first response 30 min
            • Sam: 1 conversation answered, median first response 10 min
            """.ReplaceLineEndings("\n"),
            text);
    }
}
