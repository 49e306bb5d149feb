using System.Diagnostics.Metrics;
using System.Globalization;
using Bot.Core.Telemetry;
using Prometheus;

namespace Bot.Operations;

/// <summary>Exports the bridge's declared counters (<see cref="ICounterSource"/>) as Prometheus counters: instrument
/// "bridge.messages.received" becomes bridge_messages_received_total, with "# TYPE counter", the declared help text,
/// and every known label combination at 0 from the start. A MeterListener adds each measurement of this host's
/// instruments (matched by meter instance, so several hosts in one process stay apart).</summary>
internal sealed class CounterExport : IDisposable
{
    private readonly Dictionary<Instrument, Target> targets = [];
    private readonly MeterListener listener;

    public CounterExport(IEnumerable<ICounterSource> sources, IMetricFactory factory)
    {
        var declared = new Dictionary<(Meter, string), Target>();
        foreach (var set in sources.Select(s => s.Counters))
        {
            foreach (var definition in set.Definitions)
            {
                var labelNames = definition.Labels.Select(l => l.Name).ToArray();
                var counter = factory.CreateCounter(PrometheusName(definition.Name), definition.Help, labelNames);
                foreach (var values in definition.KnownSeries())
                {
                    counter.WithLabels(values); // Shown at 0 from now on.
                }

                declared[(set.Meter, definition.Name)] = new Target(counter, labelNames);
            }
        }

        listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (declared.TryGetValue((instrument.Meter, instrument.Name), out var target))
                {
                    lock (targets)
                    {
                        targets[instrument] = target;
                    }

                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>(OnMeasurement);
        listener.Start();
    }

    /// <summary>"bridge.messages.received" → "bridge_messages_received_total".</summary>
    public static string PrometheusName(string instrumentName) => instrumentName.Replace('.', '_') + "_total";

    public void Dispose() => listener.Dispose();

    private void OnMeasurement(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        Target? target;
        lock (targets)
        {
            targets.TryGetValue(instrument, out target);
        }

        if (target is null || value <= 0)
        {
            return;
        }

        var values = new string[target.LabelNames.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = string.Empty;
            foreach (var tag in tags)
            {
                if (tag.Key == target.LabelNames[i])
                {
                    values[i] = Convert.ToString(tag.Value, CultureInfo.InvariantCulture) ?? string.Empty;
                }
            }
        }

        target.Counter.WithLabels(values).Inc(value);
    }

    private sealed record Target(Counter Counter, string[] LabelNames);
}
