using Bot.Core.Marketplace;
using Bot.Core.Outbox;
using Bot.Core.Storage;
using Bot.Marketplace;
using Bot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bot.Tests.AliExpress;

/// <summary>The day's gateway calls, counted as they leave the real client on a fake clock, saved at most once every
/// few minutes while the bridge relays: no write per poll, none while idle, and a crash loses only the calls since the
/// last save.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class CallCountKeeperTests : IDisposable
{
    private readonly ServiceProvider metrics = new ServiceCollection().AddMetrics().AddSingleton<RelayMetrics>().BuildServiceProvider();

    private RelayMetrics Relay => metrics.GetRequiredService<RelayMetrics>();

    public void Dispose() => metrics.Dispose();

    private CallCountKeeper Keeper(AliExpressHarness h, MarketplaceCallMeter meter) => new(
        meter, Relay, h.Get<IMarketplaceCallCountRepository>(), h.Get<IDbConnectionFactory>(), h.Time,
        Options.Create(new MarketplaceOptions()), NullLogger<CallCountKeeper>.Instance);

    private static async Task<long> SavedAsync(AliExpressHarness h)
    {
        await using var session = await DbSession.ReadAsync(h.Get<IDbConnectionFactory>(), CancellationToken.None);
        return await h.Get<IMarketplaceCallCountRepository>().GetAsync(session, "aliexpress", DateOnly.FromDateTime(h.Time.GetUtcNow().UtcDateTime));
    }

    /// <summary>Polls every 15 s for <paramref name="span"/>; a relaying bridge also delivers something after each poll.</summary>
    private async Task PollForAsync(AliExpressHarness h, TimeSpan span, bool relaying = true)
    {
        var until = h.Time.GetUtcNow() + span;
        while (h.Time.GetUtcNow() < until)
        {
            await h.Client.FetchAsync(null, CancellationToken.None);
            if (relaying)
            {
                Relay.Delivered(OutboxKinds.StaffPost);
            }

            h.Time.Advance(TimeSpan.FromSeconds(15));
        }
    }

    [Fact]
    public async Task CallCount_IsSavedEveryFiveMinutesWhileCallsAreMade_NotOnEachPoll_AndACrashLosesOnlyTheCallsSinceTheLastSave()
    {
        await using var h = await AliExpressHarness.StartAsync();
        var meter = h.Get<MarketplaceCallMeter>();
        var keeper = Keeper(h, meter);
        await keeper.StartAsync(CancellationToken.None);

        await PollForAsync(h, TimeSpan.FromMinutes(4)); // 16 polls: nothing written yet
        Assert.True(meter.Read().Today >= 16);
        Assert.Equal(0, await SavedAsync(h));

        h.Time.Advance(TimeSpan.FromMinutes(1)); // five minutes: saved once
        var atSave = meter.Read().Today;
        await Eventually.TrueAsync(async () => await SavedAsync(h) == atSave, TimeSpan.FromSeconds(30));

        await PollForAsync(h, TimeSpan.FromMinutes(1)); // then the process dies without a graceful stop
        var lost = meter.Read().Today - atSave;
        keeper.Dispose();

        var after = new MarketplaceCallMeter(h.Time);
        using var next = Keeper(h, after);
        await next.StartAsync(CancellationToken.None);
        Assert.Equal(atSave, after.Read().Today);
        Assert.InRange(lost, 1, 8);

        after.Count();
        await next.StopAsync(CancellationToken.None);
        await next.StoppedAsync(CancellationToken.None); // a graceful stop saves what the five minutes had not
        Assert.Equal(atSave + 1, await SavedAsync(h));
    }

    [Fact]
    public async Task IdlePolls_AreCountedButNotSaved_UntilTheBridgeStops()
    {
        await using var h = await AliExpressHarness.StartAsync();
        var meter = h.Get<MarketplaceCallMeter>();
        using var keeper = Keeper(h, meter);
        await keeper.StartAsync(CancellationToken.None);

        await PollForAsync(h, TimeSpan.FromMinutes(16), relaying: false); // three save times pass with nothing relayed
        Assert.True(meter.Read().Today >= 64);
        Assert.Equal(0, await SavedAsync(h));

        await keeper.StopAsync(CancellationToken.None);
        await keeper.StoppedAsync(CancellationToken.None);
        Assert.Equal(meter.Read().Today, await SavedAsync(h));
    }
}
