using System.Diagnostics.Metrics;

namespace Bot.Telegram;

/// <summary>Counters of the Telegram update loop, on the relay's meter (exported as bot_relay_*), with in-process
/// totals for tests.</summary>
internal sealed class UpdateMetrics
{
    private readonly Counter<long> undecodable;
    private long totalUndecodable;

    public UpdateMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(Bot.Core.Relay.RelayMetrics.MeterName);
        undecodable = meter.CreateCounter<long>("bridge_telegram_updates_undecodable", description: "Telegram updates the client library could not decode, parked for operators");
    }

    public long TotalUndecodable => Interlocked.Read(ref totalUndecodable);

    public void Undecodable()
    {
        Interlocked.Increment(ref totalUndecodable);
        undecodable.Add(1);
    }
}
