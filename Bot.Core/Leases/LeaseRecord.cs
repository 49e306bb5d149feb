namespace Bot.Core.Leases;

/// <summary>A stored lease: who holds it and until when.</summary>
public sealed record LeaseRecord(string Name, string Holder, DateTimeOffset ExpiresAt);
