using Bot.Core.Operations;
using Bot.Core.Operations.Alerts;
using Bot.Core.Storage;
using Bot.Core.Telemetry;
using Microsoft.Extensions.Options;
using Prometheus;

namespace Bot.Operations;

/// <summary>The /metrics registry: the bridge's declared counters (relay, translation) as Prometheus counters with
/// every known series at 0 from the start (<see cref="CounterExport"/>), process metrics, and gauges read from the
/// bridge at each scrape.
/// A registry of its own (not prometheus-net's static default) so that each host, and each test host, exports
/// only its own meters. A named store (<c>Store__Id</c>) gives every series of the registry the label store="id".</summary>
internal sealed partial class PrometheusExporter : IDisposable
{
    private static readonly string[] Parts = ["telegram", "marketplace", "staff_chat"];
    private readonly CounterExport counters;
    private readonly StatusReader status;
    private readonly AlertMonitor alerts;
    private readonly ILogger<PrometheusExporter> logger;
    private readonly Gauge pending;
    private readonly Gauge dead;
    private readonly Gauge oldest;
    private readonly Gauge pollLag;
    private readonly Gauge partUp;
    private readonly Gauge paused;
    private readonly Gauge activeAlerts;
    private readonly Gauge databaseUp;
    private readonly FirstResponseHistogram firstResponse;

    public PrometheusExporter(IEnumerable<ICounterSource> counterSources, StatusReader status, AlertMonitor alerts, Bot.Core.Workflow.FirstResponseTimes firstResponses, IOptions<StoreOptions> store, ILogger<PrometheusExporter> logger)
    {
        this.status = status;
        this.alerts = alerts;
        this.logger = logger;
        Registry = Metrics.NewCustomRegistry();
        if (store.Value.IsNamed)
        {
            Registry.SetStaticLabels(new Dictionary<string, string> { ["store"] = store.Value.Id });
        }

        DotNetStats.Register(Registry);
        var factory = Metrics.WithCustomRegistry(Registry);
        counters = new CounterExport(counterSources, factory);
        pending = factory.CreateGauge("bridge_outbox_pending", "Deliveries waiting in the outbox");
        dead = factory.CreateGauge("bridge_outbox_dead_letters", "Deliveries given up (dead letters) still in the outbox");
        oldest = factory.CreateGauge("bridge_outbox_oldest_pending_seconds", "Age of the oldest pending delivery (0 when none)");
        pollLag = factory.CreateGauge("bridge_marketplace_poll_lag_seconds", "Seconds since the last successful marketplace poll (since start when none)");
        partUp = factory.CreateGauge("bridge_part_up", "1 when the part's last report was a success", "part");
        foreach (var part in Parts)
        {
            partUp.WithLabels(part); // Every part from the start, before the first read.
        }

        paused = factory.CreateGauge("bridge_paused", "1 while operators paused the relay");
        activeAlerts = factory.CreateGauge("bridge_alerts_active", "Alerts that hold now");
        databaseUp = factory.CreateGauge("bridge_database_up", "1 when the outbox could be read at the last scrape");
        firstResponse = new FirstResponseHistogram(factory, firstResponses);
        Registry.AddBeforeCollectCallback(UpdateAsync);
    }

    public CollectorRegistry Registry { get; }

    public void Dispose() => counters.Dispose();

    private async Task UpdateAsync(CancellationToken cancellationToken)
    {
        activeAlerts.Set(alerts.Active.Count);
        firstResponse.Update();
        try
        {
            var s = await status.ReadAsync(cancellationToken);
            pending.Set(s.Outbox.Pending);
            dead.Set(s.Outbox.Dead);
            oldest.Set(s.Outbox.OldestPendingAge?.TotalSeconds ?? 0);
            pollLag.Set(s.PollLag.TotalSeconds);
            partUp.WithLabels("telegram").Set(s.Telegram.Ok ? 1 : 0);
            partUp.WithLabels("marketplace").Set(s.Marketplace.Ok ? 1 : 0);
            partUp.WithLabels("staff_chat").Set(s.StaffChat.Ok ? 1 : 0);
            paused.Set(s.Paused ? 1 : 0);
            databaseUp.Set(1);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            databaseUp.Set(0);
            LogReadFailed(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Metrics: the bridge's state could not be read")]
    private partial void LogReadFailed(Exception error);
}
