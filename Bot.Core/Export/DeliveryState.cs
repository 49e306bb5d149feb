namespace Bot.Core.Export;

/// <summary>Whether a message reached the marketplace's record.</summary>
public enum DeliveryState
{
    /// <summary>Taken in from the marketplace: it is in the marketplace's record.</summary>
    FromMarketplace,

    /// <summary>Written in Telegram and accepted by the marketplace.</summary>
    Delivered,

    /// <summary>Written in Telegram and still waiting for its delivery.</summary>
    Pending,

    /// <summary>Written in Telegram and refused or given up: the marketplace does not have it.</summary>
    NotDelivered,

    /// <summary>Written in Telegram; no acceptance is recorded (e.g. its delivery row was pruned without a copy).</summary>
    Unknown,
}
