namespace Bot.Core.Telemetry;

/// <summary>One counter as an exporter needs it before its first event: the instrument's name, help text for people,
/// and its labels with the values known in advance. Every combination of known values is a series an exporter shows
/// at 0 from the start, so rate() and increase() see the first event.</summary>
public sealed record CounterDefinition(string Name, string Help, IReadOnlyList<CounterLabel> Labels)
{
    /// <summary>Every combination of the labels' known values (one empty combination for a counter without labels).</summary>
    public IEnumerable<string[]> KnownSeries()
    {
        IEnumerable<string[]> series = [[]];
        foreach (var label in Labels)
        {
            series = series.SelectMany(prefix => label.KnownValues.Select(value => (string[])[.. prefix, value])).ToList();
        }

        return series;
    }
}
