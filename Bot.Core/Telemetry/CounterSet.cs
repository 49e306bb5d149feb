using System.Diagnostics.Metrics;

namespace Bot.Core.Telemetry;

/// <summary>The counters of one meter, each declared with its help text and known label values, so that an exporter
/// can show every series at 0 from the start. Counters are made only through <see cref="Create"/>, so none is left
/// undeclared.</summary>
public sealed class CounterSet(IMeterFactory meterFactory, string meterName)
{
    private readonly List<CounterDefinition> definitions = [];

    public Meter Meter { get; } = meterFactory.Create(meterName);

    public IReadOnlyList<CounterDefinition> Definitions => definitions;

    /// <param name="name">Dotted instrument name ("bridge.messages.received"); Prometheus shows it as
    /// bridge_messages_received_total.</param>
    /// <param name="unit">UCUM annotation such as "{message}".</param>
    public Counter<long> Create(string name, string unit, string help, params CounterLabel[] labels)
    {
        definitions.Add(new CounterDefinition(name, help, labels));
        return Meter.CreateCounter<long>(name, unit, help);
    }
}
