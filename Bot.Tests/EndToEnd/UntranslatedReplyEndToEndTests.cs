using Bot.Core.Outbox;
using Bot.Core.Translation;
using Bot.Testing;
using Bot.Testing.Hosting;
using Bot.Testing.Translation;

namespace Bot.Tests.EndToEnd;

/// <summary>The staff-to-marketplace direction through the real host while the translator is down.</summary>
public sealed class UntranslatedReplyEndToEndTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private const long Staff = BridgeHost.StaffChatId;

    [Fact]
    public async Task TranslatorDown_StaffReplyReachesTheBuyerUnderANoteInTheirLanguage_AndStaffAreTold()
    {
        var api = new FakeTranslationApi { Mode = FakeMode.TooManyRequests };
        await using var translator = await LoopbackServer.StartAsync(app => app.MapFakeLibreTranslate(api, null));
        await using var rig = await StaffGroupBridge.StartAsync(settings: LibreTranslateHostSettings.For(translator));
        var (telegram, marketplace, bridge) = (rig.Telegram, rig.Marketplace, rig.Bridge);

        marketplace.AddBuyerMessage("62101", "Здравствуйте, где мой заказ? Прошло уже две недели.");
        var post = await Eventually.ValueAsync(() => telegram.SentTo(Staff).FirstOrDefault(m => m.VisibleText?.Contains("Здравствуйте", StringComparison.Ordinal) == true), Timeout);
        var reply = telegram.EnqueueMessage(Staff, 5001, "Sam", "We checked: it is on its way.", threadId: post.ThreadId);

        var told = await Eventually.ValueAsync(() => telegram.SentTo(Staff).FirstOrDefault(m => m.ReplyToMessageId == reply), Timeout);
        Assert.Contains("Sent untranslated", told.VisibleText, StringComparison.Ordinal);
        var posted = Assert.Single(marketplace.Sent).Text;
        Assert.Equal("(Автоматический перевод недоступен: это исходное сообщение продавца.)\n\nWe checked: it is on its way.", posted);
        Assert.Equal(1, bridge.Get<RelayMetrics>().TotalSentUntranslated);
        Assert.True(bridge.Get<TranslationMetrics>().Failures >= 2, "both directions' failures are counted by the translation meter");
    }
}
