namespace Bot.Core.Conversations;

/// <summary>What the order card at the top of a staff topic shows. Every field is optional.</summary>
public sealed record OrderCard(
    string? OrderId = null,
    string? ProductName = null,
    string? OrderUrl = null,
    string? ProductUrl = null,
    string? ProductImageUrl = null);
