using Bot.Core.Operations;
using Bot.Core.Outbox;
using Bot.Testing;
using Bot.Testing.AliExpress;
using Xunit.Abstractions;

namespace Bot.Tests.EndToEnd.FaultMatrix;

/// <summary>Fault matrix, AliExpress rows: each prints "row | lost | duplicates | recovered without operator".</summary>
public sealed class MarketplaceFaultTests(ITestOutputHelper output)
{
    private const string AddMessage = "aliexpress.message.redefining.versiontwo.addmsg";
    private const string Relations = "aliexpress.message.redefining.versiontwo.querymsgrelationlist";

    [Fact]
    public async Task MarketplaceServerErrors_LongerThanTheAttemptBudget_LoseNothing_AndRecoverWithoutOperator()
    {
        await using var rig = await MatrixRig.StartAsync();
        // Listing and posting fail. (Other reads are left alone: the adapter retries them itself with seconds of back-off,
        // which would make every delivery attempt last ~15 s.)
        rig.AliExpress.FailNext(Relations, FakeFault.Status(503), 100_000);
        rig.AliExpress.FailNext(AddMessage, FakeFault.Status(503), 100_000);

        await rig.WriteAsync(12, 8);
        // The outage lasts until a reply was attempted more often than the old budget allowed, or was given up.
        await rig.WaitOutboxAsync(o => o.Dead > 0 || o.MaxAttempts > new OutboxOptions().MaxAttempts);
        rig.AliExpress.ClearFaults();

        await rig.FinishCleanAsync("AliExpress 5xx on listing and posting, longer than the 8 attempts", output);
    }

    [Fact]
    public async Task MarketplaceThrottling_IsRetried_LosingAndRepeatingNothing()
    {
        await using var rig = await MatrixRig.StartAsync();
        rig.AliExpress.FailNext("*", FakeFault.PlatformError("ApiCallLimit", "isp.call-limited", "App call limit exceeded, please retry later"), 5);
        rig.AliExpress.FailNext("*", FakeFault.Status(429, TimeSpan.FromSeconds(1)), 2);

        await rig.WriteAsync(12, 8);

        await rig.FinishCleanAsync("AliExpress throttling (5 x ApiCallLimit, 2 x HTTP 429 Retry-After 1 s)", output);
    }

    [Fact]
    public async Task ExpiredSession_StopsPollingAndAlerts_AndOnceValidAgainEverythingArrives()
    {
        await using var rig = await MatrixRig.StartAsync();
        var before = rig.AliExpress.CallCount(AddMessage);
        rig.AliExpress.FailNext("*", FakeFault.ExpiredSession(), 100_000);

        await rig.WriteAsync(12, 8);
        var alert = await Eventually.ValueAsync(
            () => rig.OperatorMessages.FirstOrDefault(m => m.VisibleText?.Contains("refuses the account", StringComparison.Ordinal) == true), MatrixRig.Timeout);
        Assert.True(rig.Services.GetService(typeof(BridgeHealth)) is BridgeHealth { Marketplace.NeedsOperator: true });
        output.WriteLine($"  alert: {alert.VisibleText?.Split('\n')[0]}");
        // The session stays expired for longer than the old retry budget of the replies waiting to be posted (8
        // attempts, about 3 s scaled): until they were refused that often, or have waited long enough to be reported stuck.
        await rig.OutlastAsync(() => rig.OperatorMessages.Any(m => m.VisibleText?.Contains("Deliveries stuck", StringComparison.Ordinal) == true)
            ? int.MaxValue
            : rig.AliExpress.CallCount(AddMessage) - before);
        rig.OperatorActed = true; // an operator renews the session; no /resume is sent
        rig.AliExpress.ClearFaults();

        var row = await rig.FinishAsync("AliExpress session expired (needs operator: renew it; polling resumes by itself)", output);
        Assert.Equal((0, 0), (row.Lost, row.Duplicates));
    }
}
