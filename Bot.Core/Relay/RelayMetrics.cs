using System.Diagnostics.Metrics;
using Bot.Core.Messages;

namespace Bot.Core.Relay;

/// <summary>Counters of the relay, published through System.Diagnostics.Metrics (meter "Bot.Relay") and kept as
/// in-process totals for the status page and tests.</summary>
public sealed class RelayMetrics
{
    public const string MeterName = "Bot.Relay";

    private readonly Counter<long> received;
    private readonly Counter<long> delivered;
    private readonly Counter<long> failures;
    private readonly Counter<long> deadLetters;
    private readonly Counter<long> duplicates;
    private readonly Counter<long> echoes;
    private readonly Counter<long> rateLimited;
    private readonly Counter<long> setAside;
    private readonly Counter<long> untranslated;
    private long totalDelivered;
    private long totalFailures;
    private long totalDead;
    private long totalRateLimited;
    private long totalSetAside;
    private long totalUntranslated;

    public RelayMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        received = meter.CreateCounter<long>("bridge_messages_received", description: "Messages taken in, by author role");
        delivered = meter.CreateCounter<long>("bridge_deliveries", description: "Deliveries accepted by the other side, by kind");
        failures = meter.CreateCounter<long>("bridge_delivery_failures", description: "Delivery attempts that failed, by kind and reason");
        deadLetters = meter.CreateCounter<long>("bridge_dead_letters", description: "Deliveries given up after the last attempt");
        duplicates = meter.CreateCounter<long>("bridge_duplicates_dropped", description: "Messages or updates seen twice and dropped");
        echoes = meter.CreateCounter<long>("bridge_echoes_matched", description: "The bridge's own marketplace posts recognised on their way back");
        rateLimited = meter.CreateCounter<long>("bridge_telegram_rate_limited", description: "429 answers from Telegram");
        setAside = meter.CreateCounter<long>("bridge_marketplace_items_set_aside", description: "Malformed marketplace items set aside for operators");
        untranslated = meter.CreateCounter<long>("bridge_sent_untranslated", description: "Messages sent as written, with a note, because the translator failed, by kind");
    }

    public long TotalDelivered => Interlocked.Read(ref totalDelivered);

    public long TotalFailures => Interlocked.Read(ref totalFailures);

    public long TotalDeadLetters => Interlocked.Read(ref totalDead);

    public long TotalRateLimited => Interlocked.Read(ref totalRateLimited);

    public long TotalSetAside => Interlocked.Read(ref totalSetAside);
    public long TotalSentUntranslated => Interlocked.Read(ref totalUntranslated);

    public void Received(AuthorRole role) => received.Add(1, new KeyValuePair<string, object?>("role", role.ToString().ToLowerInvariant()));

    public void Delivered(string kind)
    {
        Interlocked.Increment(ref totalDelivered);
        delivered.Add(1, new KeyValuePair<string, object?>("kind", kind));
    }

    public void Failed(string kind, string reason)
    {
        Interlocked.Increment(ref totalFailures);
        failures.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("reason", reason));
    }

    public void DeadLetter(string kind)
    {
        Interlocked.Increment(ref totalDead);
        deadLetters.Add(1, new KeyValuePair<string, object?>("kind", kind));
    }

    public void RateLimited()
    {
        Interlocked.Increment(ref totalRateLimited);
        rateLimited.Add(1);
    }

    public void SentUntranslated(string kind)
    {
        Interlocked.Increment(ref totalUntranslated);
        untranslated.Add(1, new KeyValuePair<string, object?>("kind", kind));
    }

    public void DuplicateDropped() => duplicates.Add(1);

    public void EchoMatched() => echoes.Add(1);

    public void SetAside()
    {
        Interlocked.Increment(ref totalSetAside);
        setAside.Add(1);
    }
}
