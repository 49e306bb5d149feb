using Bot.Core.Workflow;

namespace Bot.Tests.Workflow;

/// <summary>Working time is counted in the store's own zone, skipping nights and days off, across daylight-saving
/// changes.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class WorkingHoursTests
{
    private static readonly WorkingHours Berlin = WorkingHours.Parse("Europe/Berlin", "09:00", "18:00", "Saturday,Sunday", TimeSpan.FromHours(1));
    private static readonly WorkingHours NewYork = WorkingHours.Parse("America/New_York", "09:00", "17:00", "", TimeSpan.FromHours(1));

    private static DateTimeOffset Utc(int y, int m, int d, int h, int min = 0) => new(y, m, d, h, min, 0, TimeSpan.Zero);

    [Fact]
    public void WithinOneDay_CountsTheWallTime()
    {
        Assert.Equal(TimeSpan.FromHours(2), Berlin.Between(Utc(2026, 11, 26, 10), Utc(2026, 11, 26, 12)));
    }

    [Fact]
    public void OverNight_CountsOnlyTheHoursOnEitherSide()
    {
        // Thursday 17:30 Berlin (16:30 UTC) to Friday 09:30 Berlin: 30 min + 30 min.
        Assert.Equal(TimeSpan.FromHours(1), Berlin.Between(Utc(2026, 11, 26, 16, 30), Utc(2026, 11, 27, 8, 30)));
    }

    [Fact]
    public void OverAWeekend_DaysOffCountNothing()
    {
        // Friday 17:00 Berlin to Monday 10:00 Berlin: 1 h + 1 h.
        Assert.Equal(TimeSpan.FromHours(2), Berlin.Between(Utc(2026, 11, 27, 16), Utc(2026, 11, 30, 9)));
    }

    [Fact]
    public void SpringForward_MondayOpensAtNineLocalTime_WhichIsAnHourEarlierInUtc()
    {
        // Berlin moves to summer time on Sunday 2027-03-28: Friday 09:00 is 08:00 UTC, Monday 09:00 is 07:00 UTC.
        var monday = new DateOnly(2027, 3, 29);
        Assert.Equal(Utc(2027, 3, 29, 7), Berlin.Window(monday)!.Value.Open);
        Assert.Equal(TimeSpan.FromHours(2), Berlin.Between(Utc(2027, 3, 26, 16), Utc(2027, 3, 29, 8)));
    }

    [Fact]
    public void FallBack_TheDayOfTheChangeCountsItsRealLength()
    {
        // New York leaves summer time on Sunday 2026-11-01 at 02:00; open 09:00–17:00 every day: 8 h each day.
        var sunday = new DateOnly(2026, 11, 1);
        Assert.Equal(Utc(2026, 11, 1, 14), NewYork.Window(sunday)!.Value.Open);
        Assert.Equal(TimeSpan.FromHours(16), NewYork.Between(Utc(2026, 10, 31, 4), Utc(2026, 11, 2, 4)));
    }

    [Fact]
    public void ClosedOnWeekend_NextOpeningIsMondayMorning()
    {
        Assert.False(Berlin.IsOpen(Utc(2026, 11, 28, 12)));
        Assert.Equal(Utc(2026, 11, 30, 8), Berlin.NextOpening(Utc(2026, 11, 28, 12)));
        Assert.True(Berlin.IsOpen(Utc(2026, 11, 30, 8)));
    }

    [Fact]
    public void OpenAtEqualsCloseAt_IsOpenAllDay()
    {
        var always = WorkingHours.Parse("UTC", "00:00", "00:00", "", TimeSpan.FromHours(1));
        Assert.Equal(TimeSpan.FromHours(50), always.Between(Utc(2026, 11, 26, 10), Utc(2026, 11, 28, 12)));
    }
}
