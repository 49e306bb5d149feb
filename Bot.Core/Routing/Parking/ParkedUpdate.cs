namespace Bot.Core.Routing.Parking;

/// <summary>A chat update whose handling failed, kept as the platform sent it (raw JSON).</summary>
public sealed class ParkedUpdate
{
    public long Id { get; set; }

    public long UpdateId { get; set; }

    public string Payload { get; set; } = "";

    public ParkedUpdateStatus Status { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
