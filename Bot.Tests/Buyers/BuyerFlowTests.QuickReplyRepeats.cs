using Bot.Core.Chat;

namespace Bot.Tests.Buyers;

public sealed partial class BuyerFlowTests
{
    private async Task<int> QuickRepliesSentAsync(params (long UpdateId, string CallbackId)[] presses)
    {
        await LinkAsync();
        var sentBefore = harness.Marketplace.Sent.Count;
        foreach (var (updateId, callbackId) in presses)
        {
            await Updates.HandleCallbackAsync(new IncomingCallback(updateId, callbackId, BuyerUser, 1, null, BuyerUser, "Ana B", "qr:tracking_missing"), CancellationToken.None);
            await harness.DrainAsync();
        }

        return harness.Marketplace.Sent.Skip(sentBefore).Count(s => s.Text.Contains("more than 10 days", StringComparison.Ordinal));
    }

    [Fact]
    public async Task QuickReply_NewPressReusingAnOldUpdateId_AfterTelegramRestartedItsIds_IsStillSent() =>
        Assert.Equal(2, await QuickRepliesSentAsync((700, "press-1"), (700, "press-2")));

    [Fact]
    public async Task QuickReply_SamePressDeliveredTwice_IsSentOnce() =>
        Assert.Equal(1, await QuickRepliesSentAsync((701, "press-3"), (702, "press-3")));
}
