namespace Bot.Core.Marketplace;

/// <summary>A tracking number of an order's shipment and its carrier (logistics service) when known.</summary>
public sealed record OrderTracking(string Number, string? Carrier);
