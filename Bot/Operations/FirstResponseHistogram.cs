using Bot.Core.Workflow;
using Prometheus;

namespace Bot.Operations;

/// <summary>bridge_first_response_seconds: how long buyers waited for the first answer (wall time), observed when the
/// workflow sees the answer.</summary>
internal sealed class FirstResponseHistogram(IMetricFactory factory, FirstResponseTimes times)
{
    private static readonly double[] Buckets = [60, 300, 900, 1800, 3600, 7200, 14400, 28800, 86400, 172800];

    private readonly Histogram histogram = factory.CreateHistogram(
        "bridge_first_response_seconds",
        "Time from a buyer's first unanswered message to the first staff or seller answer",
        new HistogramConfiguration { Buckets = Buckets });

    public void Update()
    {
        foreach (var observed in times.Drain())
        {
            histogram.Observe(observed.TotalSeconds);
        }
    }
}
