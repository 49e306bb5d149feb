using Bot.Core.Drafts;
using Bot.Testing;
using Bot.Testing.Translation;
using Bot.Tests.EndToEnd;

namespace Bot.Tests.Drafts;

/// <summary>A press of "✍️ Draft" is stored when it is accepted: a restart before the draft was written does not lose it,
/// and a written draft is not written again after the next restart.</summary>
public sealed class DraftRestartTests
{
    private const string Waiting = "not sent: press Send";

    private static int Drafts(DraftRig rig, int topic) =>
        rig.Telegram.SentTo(DraftRig.Staff, topic).Count(m => m.VisibleText?.Contains(Waiting, StringComparison.Ordinal) == true);

    [Fact]
    public async Task DraftRequested_ThenARestartBeforeTheModelAnswered_IsWrittenAfterTheRestart_Once()
    {
        await using var rig = await DraftRig.StartAsync(s => s["Drafts:Timeout"] = "00:05:00");
        var topic = await rig.Bridge.TopicWithBuyerMessageAsync("82101", "Can I change the colour?");
        rig.Api.Mode = FakeMode.Hang; // the model takes its time: the request is accepted, the draft not written yet

        var first = await rig.PressAsync(topic, d => d == DraftButtons.Latest);
        Assert.Equal("Drafting a reply…", (await rig.AnswerAsync(first)).Text);
        await Eventually.TrueAsync(() => rig.Api.Requests.Count == 1, StaffGroupBridge.Timeout);
        rig.Api.Mode = FakeMode.Translate;
        await rig.RestartAsync();

        await rig.ShownAsync(topic, Waiting);
        Assert.Equal(1, Drafts(rig, topic));

        // Written once: after one more restart a new press is answered, and nothing of the first comes again before it.
        await rig.RestartAsync();
        var second = await rig.PressAsync(topic, d => d == DraftButtons.Latest);
        Assert.Equal("Drafting a reply…", (await rig.AnswerAsync(second)).Text);
        await Eventually.TrueAsync(() => Drafts(rig, topic) >= 2, StaffGroupBridge.Timeout);
        Assert.Equal(2, Drafts(rig, topic));
        Assert.Equal(3, rig.Api.Requests.Count);
    }

    [Fact]
    public async Task StopBeginning_WhileTelegramTakesTheDraft_StoresIt_SoTheNextStartDoesNotPostItAgain()
    {
        await using var rig = await DraftRig.StartAsync(s => s["Drafts:Timeout"] = "00:05:00");
        var topic = await rig.Bridge.TopicWithBuyerMessageAsync("82102", "Is the scarf warm enough?");
        var posts = rig.Telegram.CallCount("sendMessage");
        rig.Telegram.DelayNext("sendMessage", TimeSpan.FromSeconds(3)); // the draft's post: Telegram takes it, slowly

        var first = await rig.PressAsync(topic, d => d == DraftButtons.Latest);
        Assert.Equal("Drafting a reply…", (await rig.AnswerAsync(first)).Text);
        await Eventually.TrueAsync(() => rig.Telegram.CallCount("sendMessage") > posts, StaffGroupBridge.Timeout);
        await rig.RestartAsync(); // the stop begins while the post is on its way

        await Eventually.TrueAsync(() => Drafts(rig, topic) == 1, StaffGroupBridge.Timeout);
        var second = await rig.PressAsync(topic, d => d == DraftButtons.Latest);
        Assert.Equal("Drafting a reply…", (await rig.AnswerAsync(second)).Text);
        await Eventually.TrueAsync(() => Drafts(rig, topic) >= 2, StaffGroupBridge.Timeout);
        Assert.Equal(2, Drafts(rig, topic)); // stored requests are written before new ones: the first did not come again
        Assert.Equal(2, rig.Api.Requests.Count);
    }
}
