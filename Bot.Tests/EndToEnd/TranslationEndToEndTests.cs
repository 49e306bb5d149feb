using Bot.Testing;
using Bot.Testing.Hosting;
using Bot.Testing.Translation;

namespace Bot.Tests.EndToEnd;

/// <summary>Translation through the real host: a LibreTranslate-shaped fake that fails, then recovers.</summary>
public sealed class TranslationEndToEndTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private const long Staff = BridgeHost.StaffChatId;

    [Fact]
    public async Task TranslatorDown_OriginalGoesOutWithANote_ThenTranslationsResume_BothWays()
    {
        var api = new FakeTranslationApi { Mode = FakeMode.TooManyRequests, Transform = (text, target) => $"<{target}> {text}" };
        await using var translator = await LoopbackServer.StartAsync(app => app.MapFakeLibreTranslate(api, null));
        await using var rig = await StaffGroupBridge.StartAsync(settings: LibreTranslateHostSettings.For(translator));
        var (telegram, marketplace) = (rig.Telegram, rig.Marketplace);

        marketplace.AddBuyerMessage("62001", "Здравствуйте, где мой заказ? Прошло уже две недели.");
        var first = await Eventually.ValueAsync(() => telegram.SentTo(Staff).FirstOrDefault(m => m.VisibleText?.Contains("Здравствуйте", StringComparison.Ordinal) == true), Timeout);
        Assert.Contains("translation unavailable", first.VisibleText);

        api.Mode = FakeMode.Translate;
        marketplace.AddBuyerMessage("62001", "Пожалуйста, проверьте трек-номер посылки.");
        var second = await Eventually.ValueAsync(() => telegram.SentTo(Staff).FirstOrDefault(m => m.VisibleText?.Contains("<en> Пожалуйста", StringComparison.Ordinal) == true), Timeout);
        Assert.Contains("ru → en", second.VisibleText);
        Assert.Contains("<blockquote expandable>Пожалуйста, проверьте трек-номер посылки.</blockquote>", second.Text);

        var topic = second.ThreadId!.Value;
        var reply = telegram.EnqueueMessage(Staff, 5001, "Sam", "We checked: it is on its way.", threadId: topic);
        await Eventually.TrueAsync(() => telegram.Reactions(Staff, reply).Contains("👍"), Timeout);
        var posted = Assert.Single(marketplace.Sent).Text;
        Assert.StartsWith("<ru> We checked: it is on its way.", posted);
        Assert.Contains("We checked: it is on its way.", posted[posted.IndexOf('\n', StringComparison.Ordinal)..]); // the original beneath
    }
}
