using System.Globalization;
using Bot.Core.Leases;
using Bot.Core.Storage;
using Microsoft.Extensions.Options;

namespace Bot.TelegramApi;

/// <summary>Keeps this store's hold of its bot (<see cref="IBotRegistry"/>): taken before the first getUpdates, so a
/// store whose bot another store uses does not start (<see cref="BotTakenException"/>), and renewed while it runs. If
/// another store took the bot meanwhile (this store's hold ran out during a long database outage), the process stops
/// rather than fight it for updates. In a process of several stores, the stores that share a bot hold it together
/// (<see cref="BotHolder"/>).</summary>
internal sealed partial class BotOwnership(
    IBotRegistry registry,
    InstanceLeases leases,
    IOptions<TelegramOptions> telegram,
    IOptions<StoreOptions> store,
    IOptions<LeaseOptions> timing,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<BotOwnership> logger,
    BotHolder? holder = null) : BackgroundService
{
    /// <summary>Four lease times (60 s by default): a stopped store's bot is free for another store after it.</summary>
    private TimeSpan LeaseTime => 4 * timing.Value.LeaseTime;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await registry.ClaimAsync(BotId, Holder, Instance, LeaseTime, cancellationToken) is { } other)
        {
            throw new BotTakenException(store.Value.Id, other);
        }

        await base.StartAsync(cancellationToken);
    }

    private string Holder => holder?.Holder ?? store.Value.Id;

    private string Instance => holder?.Instance ?? leases.InstanceId;

    /// <summary>The bot's id: the digits before the token's colon (no secret).</summary>
    private long BotId => long.TryParse(telegram.Value.BotToken.Split(':')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(timing.Value.RenewEvery, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            try
            {
                if (await registry.ClaimAsync(BotId, Holder, Instance, LeaseTime, stoppingToken) is { } other)
                {
                    var refusal = new BotTakenException(store.Value.Id, other);
                    LogTaken(refusal.Message);
                    lifetime.StopApplication();
                    return;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRenewFailed(e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "{Sentence} This process stops.")]
    private partial void LogTaken(string sentence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The store's hold of its bot could not be renewed; trying again")]
    private partial void LogRenewFailed(Exception error);
}
