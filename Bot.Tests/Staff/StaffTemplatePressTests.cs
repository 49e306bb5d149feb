using Bot.Core.Chat;
using Bot.Core.Routing;
using Bot.Tests.Harness;

namespace Bot.Tests.Staff;

/// <summary>A staff template press is recognised by the callback query's own id: a repeated delivery of one press
/// sends the template once, and a new press that reuses an old update id (Telegram restarted its ids) still sends.</summary>
public sealed class StaffTemplatePressTests : IAsyncLifetime
{
    private CoreHarness harness = null!;
    private int topic;

    public async Task InitializeAsync()
    {
        harness = await CoreHarness.StartAsync();
        topic = await harness.OpenTopicAsync("9101", "Where is my parcel?");
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    private async Task<int> TemplatesSentAsync(params (long UpdateId, string CallbackId)[] presses)
    {
        foreach (var (updateId, callbackId) in presses)
        {
            var press = new IncomingCallback(updateId, callbackId, CoreHarness.StaffChatId, 50, topic, 5001, "Sam", "tpl:shipped");
            await harness.Get<IChatUpdateHandler>().HandleCallbackAsync(press, CancellationToken.None);
            await harness.DrainAsync();
        }

        return harness.Marketplace.Sent.Count(s => s.Text.Contains("has been shipped", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TemplatePress_ReusingAnOldUpdateId_AfterTelegramRestartedItsIds_IsStillSent() =>
        Assert.Equal(2, await TemplatesSentAsync((900, "tpl-press-1"), (900, "tpl-press-2")));

    [Fact]
    public async Task TemplatePress_DeliveredTwice_IsSentOnce() =>
        Assert.Equal(1, await TemplatesSentAsync((901, "tpl-press-3"), (902, "tpl-press-3")));
}
