using System.Diagnostics.Metrics;
using Bot.Core.Telemetry;

namespace Bot.TelegramApi;

/// <summary>Counters of the Telegram update loop (meter "Bot.Telegram"), declared so /metrics shows them at 0 from the
/// start, with in-process totals for tests.</summary>
internal sealed class UpdateMetrics : ICounterSource
{
    public const string MeterName = "Bot.Telegram";

    private readonly Counter<long> undecodable;
    private long totalUndecodable;

    public UpdateMetrics(IMeterFactory meterFactory)
    {
        Counters = new CounterSet(meterFactory, MeterName);
        undecodable = Counters.Create(
            "bridge.telegram.updates.undecodable", "{update}", "Telegram updates the client library could not decode, parked for operators (/updates).");
    }

    public CounterSet Counters { get; }

    public long TotalUndecodable => Interlocked.Read(ref totalUndecodable);

    public void Undecodable()
    {
        Interlocked.Increment(ref totalUndecodable);
        undecodable.Add(1);
    }
}
