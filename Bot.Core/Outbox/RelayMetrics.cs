using System.Diagnostics.Metrics;
using Bot.Core.Messages;
using Bot.Core.Telemetry;

namespace Bot.Core.Outbox;

/// <summary>Counters of the relay, published through System.Diagnostics.Metrics (meter "Bot.Relay"), each declared
/// with its known label values (<see cref="Counters"/>) so /metrics shows every series at 0 from the start, and kept
/// as in-process totals for the status page and tests.</summary>
public sealed class RelayMetrics : ICounterSource
{
    public const string MeterName = "Bot.Relay";

    private static readonly CounterLabel Role = new("role", LabelValues.Of<AuthorRole>());
    private static readonly CounterLabel Kind = new("kind", OutboxKinds.All);
    private readonly Counter<long> received;
    private readonly Counter<long> delivered;
    private readonly Counter<long> failures;
    private readonly Counter<long> deadLetters;
    private readonly Counter<long> duplicates;
    private readonly Counter<long> rereads;
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
    private long totalDuplicates;
    private long totalRereads;

    public RelayMetrics(IMeterFactory meterFactory)
    {
        Counters = new CounterSet(meterFactory, MeterName);
        received = Counters.Create("bridge.messages.received", "{message}", "Messages taken in (from the marketplace or Telegram), by who wrote them.", Role);
        delivered = Counters.Create("bridge.deliveries", "{delivery}", "Deliveries the other side accepted, by kind.", Kind);
        failures = Counters.Create("bridge.delivery.failures", "{attempt}", "Delivery attempts that failed, by kind and by how the retry policy classed the failure.", Kind, new CounterLabel("reason", LabelValues.Of<FailureKind>()));
        deadLetters = Counters.Create("bridge.dead_letters", "{delivery}", "Deliveries given up after their last attempt (dead letters), by kind.", Kind);
        duplicates = Counters.Create("bridge.duplicates_dropped", "{message}", "Telegram messages that arrived again although already stored (Telegram repeats an update the bridge did not confirm, e.g. after a crash) and were dropped, by who wrote them.", new CounterLabel("role", [LabelValues.SnakeCase(nameof(AuthorRole.Buyer)), LabelValues.SnakeCase(nameof(AuthorRole.Staff))]));
        rereads = Counters.Create("bridge.marketplace.rereads", "{message}", "Marketplace messages listed again and skipped because they were already stored (the poll's overlap window, a batch read again after a restart, the platform re-listing them); expected now and then, nothing was doubled.");
        echoes = Counters.Create("bridge.echoes_matched", "{message}", "The bridge's own replies recognised when the marketplace listed them back, and not relayed again.");
        rateLimited = Counters.Create("bridge.telegram.rate_limited", "{response}", "Requests Telegram answered with 429 Too Many Requests.");
        setAside = Counters.Create("bridge.marketplace.items_set_aside", "{item}", "Malformed marketplace items set aside for operators (/setaside), each counted once.");
        untranslated = Counters.Create("bridge.sent_untranslated", "{message}", "Messages sent as written, under a note, because the translator failed, by kind.", new CounterLabel("kind", [OutboxKinds.MarketplaceSend]));
    }

    public CounterSet Counters { get; }

    public long TotalDelivered => Interlocked.Read(ref totalDelivered);

    public long TotalFailures => Interlocked.Read(ref totalFailures);

    public long TotalDeadLetters => Interlocked.Read(ref totalDead);

    public long TotalRateLimited => Interlocked.Read(ref totalRateLimited);

    public long TotalSetAside => Interlocked.Read(ref totalSetAside);

    public long TotalSentUntranslated => Interlocked.Read(ref totalUntranslated);

    public long TotalDuplicatesDropped => Interlocked.Read(ref totalDuplicates);

    public long TotalMarketplaceRereads => Interlocked.Read(ref totalRereads);

    public void Received(AuthorRole role) => received.Add(1, RoleTag(role));

    public void Delivered(string kind)
    {
        Interlocked.Increment(ref totalDelivered);
        delivered.Add(1, new KeyValuePair<string, object?>("kind", kind));
    }

    public void Failed(string kind, FailureKind reason)
    {
        Interlocked.Increment(ref totalFailures);
        failures.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("reason", LabelValues.SnakeCase(reason.ToString())));
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

    /// <summary>A Telegram message (staff or linked buyer) that was already stored arrived again.</summary>
    public void DuplicateDropped(AuthorRole role)
    {
        Interlocked.Increment(ref totalDuplicates);
        duplicates.Add(1, RoleTag(role));
    }

    /// <summary>A marketplace message already stored was listed again (the poll's overlap window, or the platform
    /// re-listing it): skipped, and not a duplicate in the sense of <see cref="DuplicateDropped"/>.</summary>
    public void MarketplaceReread()
    {
        Interlocked.Increment(ref totalRereads);
        rereads.Add(1);
    }

    public void EchoMatched() => echoes.Add(1);

    public void SetAside()
    {
        Interlocked.Increment(ref totalSetAside);
        setAside.Add(1);
    }

    private static KeyValuePair<string, object?> RoleTag(AuthorRole role) => new("role", LabelValues.SnakeCase(role.ToString()));
}
