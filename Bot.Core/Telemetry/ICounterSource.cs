namespace Bot.Core.Telemetry;

/// <summary>A part of the bridge that counts things; exporters find every counter through these.</summary>
public interface ICounterSource
{
    CounterSet Counters { get; }
}
