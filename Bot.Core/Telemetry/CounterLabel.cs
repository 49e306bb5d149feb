namespace Bot.Core.Telemetry;

/// <summary>A label of a counter and the values it can take that are known in advance.</summary>
public sealed record CounterLabel(string Name, IReadOnlyList<string> KnownValues);
