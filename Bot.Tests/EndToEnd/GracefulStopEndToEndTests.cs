using Bot.Testing;

namespace Bot.Tests.EndToEnd;

/// <summary>A bridge stopped while a send is in flight.</summary>
public sealed class GracefulStopEndToEndTests : StaffGroupTests
{
    [Fact]
    public async Task StopDuringASend_LetsItFinishAndBeRecorded_SoTheRestartDoesNotPostItAgain()
    {
        var topic = await Rig.TopicWithBuyerMessageAsync("71001", "First question");
        var sends = Telegram.CallCount("sendMessage");

        // Telegram takes two seconds to answer the next post, and posts it whether or not the bridge still listens.
        Telegram.DelayNext("sendMessage", TimeSpan.FromSeconds(2));
        Marketplace.AddBuyerMessage("71001", "Second question");
        await Eventually.TrueAsync(() => Telegram.CallCount("sendMessage") > sends, Timeout);

        await Rig.RestartAsync(databasePath: Bridge.DatabasePath);

        // Posts of one conversation keep their order: once the third is in the topic, nothing of the second is pending.
        Marketplace.AddBuyerMessage("71001", "Third question");
        await Eventually.TrueAsync(() => Telegram.SentTo(Staff, topic).Any(m => m.VisibleText?.Contains("Third question", StringComparison.Ordinal) == true), Timeout);
        Assert.Single(Telegram.SentTo(Staff, topic), m => m.VisibleText?.Contains("Second question", StringComparison.Ordinal) == true);
    }
}
