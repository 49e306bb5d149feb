using Bot.Core.Marketplace;
using Bot.Core.Outbox;
using Bot.Core.Storage;
using Microsoft.Extensions.Options;

namespace Bot.Marketplace;

/// <summary>Keeps the day's gateway calls (<see cref="MarketplaceCallMeter"/>) across restarts: reads them back at start,
/// before the poller makes its first call, and saves them every <see cref="SaveEvery"/> while the bridge relays (it
/// writes then anyway) and at a graceful stop, once every other part has stopped (the outbox's last calls included).
/// An idle bridge's polls are counted but not saved until something is relayed or the bridge stops: the database is
/// not written while nothing happens. A crash loses the calls since the last save: those of at most
/// <see cref="SaveEvery"/> of relaying, plus the idle polls since then (at the idle pace, at most a few hundred a day).</summary>
internal sealed partial class CallCountKeeper(
    MarketplaceCallMeter meter,
    RelayMetrics relay,
    IMarketplaceCallCountRepository counts,
    IDbConnectionFactory connections,
    TimeProvider time,
    IOptions<MarketplaceOptions> options,
    ILogger<CallCountKeeper> logger) : BackgroundService, IHostedLifecycleService
{
    public static readonly TimeSpan SaveEvery = TimeSpan.FromMinutes(5);

    private (DateOnly Day, long Calls) saved;
    private long relayedAtSave;

    /// <summary>Deliveries attempted so far: any relaying, which writes to the database anyway.</summary>
    private long Relayed => relay.TotalDelivered + relay.TotalFailures;

    private string Provider => options.Value.Provider.ToLowerInvariant();

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var day = meter.Snapshot().Day;
        long calls;
        await using (var session = await DbSession.ReadAsync(connections, cancellationToken))
        {
            calls = await counts.GetAsync(session, Provider, day);
        }

        meter.Restore(day, calls);
        saved = (day, calls);
        await base.StartAsync(cancellationToken);
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>After every hosted service stopped: no call can follow this save.</summary>
    public async Task StoppedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await SaveAsync(cancellationToken);
        }
        catch (Exception e)
        {
            LogSaveFailed(e); // the stop ran out of time, or the database failed: the last save stands
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(SaveEvery, time, stoppingToken);
                if (Relayed != relayedAtSave)
                {
                    await SaveAsync(stoppingToken);
                }

            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogSaveFailed(e);
            }
        }
    }

    /// <summary>Saves the count when it changed since the last save (nothing is written while no call is made).</summary>
    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        var now = meter.Snapshot();
        var relayed = Relayed;
        if (now == saved)
        {
            return;
        }

        await using (var session = await DbSession.BeginAsync(connections, cancellationToken))
        {
            await counts.SaveAsync(session, Provider, now.Day, now.Calls, time.GetUtcNow());
            await session.CommitAsync(cancellationToken);
        }

        saved = now;
        relayedAtSave = relayed;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The day's marketplace call count could not be saved; it is tried again in a few minutes")]
    private partial void LogSaveFailed(Exception error);
}
