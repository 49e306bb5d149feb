using Bot.Core.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Logging;

/// <summary>Repeated failures are logged as the first one, then one summary a minute, then one line on recovery.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class FailureSeriesTests
{
    [Fact]
    public void TwelveFailuresInAMinute_GiveTheFirstLine_ThenOneSummaryCountingTheRest()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
        var series = new FailureSeries(time);

        var lines = new List<FailureTally> { series.Failed() };
        for (var i = 0; i < 12; i++)
        {
            time.Advance(TimeSpan.FromSeconds(5));
            lines.Add(series.Failed());
        }

        Assert.Equal(FailureLine.First, lines[0].Line);
        Assert.All(lines.Skip(1).Take(11), l => Assert.Equal(FailureLine.None, l.Line));
        Assert.Equal(new FailureTally(FailureLine.Summary, 12, TimeSpan.FromMinutes(1)), lines[12]);
    }

    [Fact]
    public void Success_AfterFailures_CountsTheWholeSeries_AndStartsAfresh()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
        var series = new FailureSeries(time);
        Assert.Null(series.Succeeded());
        for (var i = 0; i < 30; i++)
        {
            series.Failed();
            time.Advance(TimeSpan.FromSeconds(10));
        }

        Assert.Equal(new FailureTally(FailureLine.Recovered, 30, TimeSpan.FromMinutes(5)), series.Succeeded());
        Assert.Null(series.Succeeded());
        Assert.Equal(FailureLine.First, series.Failed().Line);
    }
}
