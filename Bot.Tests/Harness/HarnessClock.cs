namespace Bot.Tests.Harness;

/// <summary>Simulated time for core tests: what the hosted loops would do while time passes.</summary>
public static class HarnessClock
{
    /// <summary>Lets <paramref name="duration"/> pass in steps of <paramref name="step"/>, polling the marketplace and
    /// delivering whatever is due at each step.</summary>
    public static async Task PassAsync(this CoreHarness harness, TimeSpan duration, TimeSpan step)
    {
        var end = harness.Time.GetUtcNow() + duration;
        while (harness.Time.GetUtcNow() < end)
        {
            await harness.RunAsync();
            harness.Time.Advance(step);
        }

        await harness.RunAsync();
    }
}
