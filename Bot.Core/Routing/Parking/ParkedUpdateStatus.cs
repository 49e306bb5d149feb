namespace Bot.Core.Routing.Parking;

/// <summary>Where a parked chat update stands; stored as "pending", "done" or "dead".</summary>
public enum ParkedUpdateStatus
{
    /// <summary>Waiting for its next try.</summary>
    Pending,

    /// <summary>Handled at a later try.</summary>
    Done,

    /// <summary>Given up on after the last try, until an operator retries it.</summary>
    Dead,
}
