using Bot.Core.Operations;
using Bot.Core.Operations.Alerts;
using Bot.Testing;

namespace Bot.Tests.EndToEnd;

/// <summary>The bot removed from the staff group while the bridge runs: the operator is told at once, not after the
/// deliveries count as stuck.</summary>
public sealed class StaffChatRefusalEndToEndTests : StaffGroupTests
{
    protected override Task<StaffGroupBridge> StartAsync() => StaffGroupBridge.StartAsync(new Dictionary<string, string?>
    {
        ["Operations:AlertCheckInterval"] = "00:00:00.100",
        ["Relay:MaxRetryDelay"] = "00:00:01", // the held delivery goes out soon after the bot is back
    });

    [Fact]
    public async Task BotKickedFromTheStaffGroupWhileRunning_NeedsAnOperatorAtOnce_AndClearsOnceItIsBack()
    {
        var health = Bridge.Get<BridgeHealth>();
        var alerts = Bridge.Get<AlertMonitor>();
        await Rig.TopicWithBuyerMessageAsync("73001", "Hello?");
        await Eventually.TrueAsync(() => health.StaffChat.Ok, Timeout);

        Telegram.RefuseChat(Staff, 403, "Forbidden: bot was kicked from the supergroup chat");
        Marketplace.AddBuyerMessage("73002", "Anyone there?");

        await Eventually.TrueAsync(() => alerts.Active.Any(a => a.Alert.Key == AlertRules.StaffChat), Timeout);
        Assert.True(health.StaffChat.NeedsOperator);
        Assert.Contains("kicked", health.StaffChat.LastError, StringComparison.Ordinal);

        Telegram.ClearFailures();

        await Eventually.TrueAsync(() => health.StaffChat.Ok && alerts.Active.All(a => a.Alert.Key != AlertRules.StaffChat), Timeout);
        await Rig.TopicOfAsync("73002");
    }
}
