using Bot.Core.Retention;
using Bot.Core.Workflow;
using Bot.Tests.EndToEnd;

namespace Bot.Tests.Workflow;

/// <summary>Bad workflow settings stop the program with one sentence naming the variable; answered waits are pruned
/// after their keeping time, open ones never.</summary>
public sealed class WorkflowSettingsTests
{
    [Theory]
    [InlineData("Workflow__TimeZone", "Mars/Olympus", "Workflow__TimeZone \"Mars/Olympus\" is not a known IANA time zone")]
    [InlineData("Workflow__OpenAt", "9am", "Workflow__OpenAt \"9am\" is not a time")]
    [InlineData("Workflow__DaysOff", "Sat", "Workflow__DaysOff has \"Sat\"")]
    [InlineData("Workflow__TimeZone", "W. Europe Standard Time", "Workflow__TimeZone \"W. Europe Standard Time\" is not a known IANA time zone")] // Windows names need ICU, which the bridge runs without
    [InlineData("Workflow__Stores__store-7__TimeZone", "Nowhere", "Workflow__Stores__store-7__TimeZone \"Nowhere\" is not a known IANA time zone")]
    public async Task BadSetting_StopsTheBridge_WithASentenceNamingIt(string key, string value, string sentence)
    {
        var settings = BridgeProcess.QuietSettings(Path.Combine(Directory.CreateTempSubdirectory("bridge-workflow-").FullName, "bridge.db"));
        settings[key] = value;

        await using var bridge = BridgeProcess.Start(settings);

        Assert.Equal(2, await bridge.ExitCodeAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains(bridge.Lines, l => l.StartsWith($"Configuration error: {sentence}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnsweredWaits_AreARetentionTargetKeptSixtyDays_OpenOnesAreNeverPruned()
    {
        var start = new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
        await using var rig = await WorkflowRig.StartAsync(start);
        var answered = await rig.BuyerWritesAsync("1101", "Question");
        await rig.StaffWritesAsync(answered, "Answer");
        await rig.BuyerWritesAsync("1102", "Still waiting");
        await rig.SweepAsync();

        var target = rig.Harness.Get<IEnumerable<IRetentionTarget>>().OfType<AnsweredWaits>().Single();
        Assert.Equal(TimeSpan.FromDays(60), target.KeepFor(new RetentionOptions()));
        Assert.Equal(0, await target.PruneAsync(start, 100, CancellationToken.None)); // answered at the start: not before it

        Assert.Equal(1, await target.PruneAsync(DateTimeOffset.MaxValue, 100, CancellationToken.None));
        rig.At(start.AddDays(1));
        var report = await rig.Harness.Get<FirstResponseReport>().ReadAsync(CancellationToken.None);
        Assert.Equal((0, 1), (report.Answered, report.WaitingNow)); // the open wait is never pruned
    }
}
