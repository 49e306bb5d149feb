namespace Bot.Testing.AliExpress;

/// <summary>A child order: product, count and unit price.</summary>
public sealed record FakeOrderItem(string Name, int Count, decimal Price);
