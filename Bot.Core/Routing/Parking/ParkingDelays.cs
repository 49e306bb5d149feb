namespace Bot.Core.Routing.Parking;

/// <summary>How a parked update is tried again.</summary>
public static class ParkingDelays
{
    /// <summary>The waits before each new try: 2 s, 10 s, 1 min, 5 min, 30 min, 2 h, 6 h (eight tries over about nine
    /// hours, well inside the day a button press or a reply stays meaningful); given up on after that.</summary>
    public static readonly IReadOnlyList<TimeSpan> Delays =
        [TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(6)];
}
