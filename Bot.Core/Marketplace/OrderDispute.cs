namespace Bot.Core.Marketplace;

/// <summary>A dispute (issue) about an order: its id, its status in words, whether it is still open, and the buyer's
/// reason.</summary>
public sealed record OrderDispute(string Id, string Status, bool IsOpen, string? Reason);
