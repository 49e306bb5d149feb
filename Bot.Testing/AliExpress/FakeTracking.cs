namespace Bot.Testing.AliExpress;

/// <summary>A logistics entry of an order: tracking number and logistics service.</summary>
public sealed record FakeTracking(string Number, string Service);
