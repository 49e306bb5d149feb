namespace Bot.Core.Marketplace;

/// <summary>One line of an order: the product, how many, and the unit price when the platform tells it.</summary>
public sealed record OrderItem(string Name, int Quantity, decimal? Price, string? Currency);
