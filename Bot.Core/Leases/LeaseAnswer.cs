namespace Bot.Core.Leases;

/// <summary>What an attempt to take or renew a lease found.</summary>
public enum LeaseAnswer
{
    /// <summary>This instance holds it.</summary>
    Held,

    /// <summary>Another live instance holds it.</summary>
    HeldByAnother,

    /// <summary>The database did not answer: nobody here may rely on it.</summary>
    Failed,
}
